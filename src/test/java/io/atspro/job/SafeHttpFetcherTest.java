package io.atspro.job;

import io.atspro.shared.AddressClassifier;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHttpFetcherTest {

    private static WireMockServer server;
    /** Test policy: short timeouts, loopback allowed (the test server is on 127.0.0.1). */
    private static final FetchPolicy OPEN = FetchPolicy.DEFAULT.withAllowPrivateNetworks(true)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /**
     * The default policy, with two safety nets for the refusal tests: host names resolve from a fixed table (no DNS
     * traffic), and any request that got past the checks would go to the test server as a proxy, where it is seen.
     */
    private static SafeHttpFetcher guardedDefault(Map<String, String> hosts) {
        SafeHttpFetcher.HostResolver resolver = host -> {
            if (hosts.containsKey(host)) {
                return new InetAddress[] {InetAddress.getByName(hosts.get(host))};
            }
            if (host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        };
        return new SafeHttpFetcher(FetchPolicy.DEFAULT, resolver, AddressClassifier::isPublic,
                ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port())));
    }

    /** Lets the test server's 127.0.0.1 through, and classifies every other address as production does. */
    private static SafeHttpFetcher onlyTestServerAllowed() {
        return new SafeHttpFetcher(OPEN.withAllowPrivateNetworks(false), InetAddress::getAllByName,
                address -> address.getHostAddress().equals("127.0.0.1") || AddressClassifier.isPublic(address),
                ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port())));
    }

    private static FetchException failure(SafeHttpFetcher fetcher, String address) {
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(address));
        assertThat(e).as("fetching %s should fail", address).isNotNull();
        return e;
    }

    // ---------------------------------------------------------------- success

    @Test
    void fetchesAPageWithAClearUserAgentAndDecodesItsCharset() throws Exception {
        server.stubFor(get("/jobs/1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=ISO-8859-1")
                .withBody("<html><body><h1>Développeur</h1></body></html>".getBytes(StandardCharsets.ISO_8859_1))));

        FetchedPage page = new SafeHttpFetcher(OPEN).fetch(url("/jobs/1#apply"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.finalUrl()).isEqualTo(URI.create(url("/jobs/1")));
        assertThat(page.contentType()).isEqualTo("text/html; charset=ISO-8859-1");
        assertThat(page.body()).contains("<h1>Développeur</h1>");
        server.verify(getRequestedFor(urlEqualTo("/jobs/1"))
                .withHeader("User-Agent", equalTo("ATSPro/1.0 (+job import)"))
                .withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.containing("text/html")));
    }

    @Test
    void readsTheCharsetFromTheMetaTagAndDefaultsToUtf8() throws Exception {
        server.stubFor(get("/meta").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><head><meta charset=\"windows-1252\"></head><body>Caf\u00e9 \u20ac</body></html>"
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")))));
        server.stubFor(get("/plain").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<p>Zürich – 東京</p>".getBytes(StandardCharsets.UTF_8))));

        SafeHttpFetcher fetcher = new SafeHttpFetcher(OPEN);

        assertThat(fetcher.fetch(url("/meta")).body()).contains("Café €");
        assertThat(fetcher.fetch(url("/plain")).body()).contains("Zürich – 東京");
    }

    @Test
    void acceptsJsonLdAndJson() throws Exception {
        server.stubFor(get("/ld").willReturn(aResponse().withHeader("Content-Type", "application/ld+json")
                .withBody("{\"@type\":\"JobPosting\"}")));
        server.stubFor(get("/json").willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"jobs\":[]}")));

        SafeHttpFetcher fetcher = new SafeHttpFetcher(OPEN);

        assertThat(fetcher.fetch(url("/ld")).body()).isEqualTo("{\"@type\":\"JobPosting\"}");
        assertThat(fetcher.fetch(url("/json")).body()).isEqualTo("{\"jobs\":[]}");
    }

    @Test
    void refusesFilesThatAreNotPages() {
        server.stubFor(get("/cv.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                .withBody(new byte[5000])));

        FetchException e = failure(new SafeHttpFetcher(OPEN), url("/cv.pdf"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.UNSUPPORTED_CONTENT);
        assertThat(e.reason()).contains("application/pdf");
    }

    @Test
    void decodesAGzippedBodyTheServerSentAnyway() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("<p>compressed job</p>".getBytes(StandardCharsets.UTF_8));
        }
        server.stubFor(get("/gz").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withHeader("Content-Encoding", "gzip").withBody(zipped.toByteArray())));

        assertThat(new SafeHttpFetcher(OPEN).fetch(url("/gz")).body()).isEqualTo("<p>compressed job</p>");
    }

    // ---------------------------------------------------------------- redirects

    @Test
    void followsARedirectChainCheckingEachHop() throws Exception {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b?x=1")));
        server.stubFor(get(urlEqualTo("/b?x=1")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", url("/c"))));
        server.stubFor(get("/c").willReturn(aResponse().withStatus(307).withHeader("Location", "d")));
        server.stubFor(get("/d").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>end</p>")));

        FetchedPage page = onlyTestServerAllowed().fetch(url("/a"));

        assertThat(page.finalUrl()).isEqualTo(URI.create(url("/d")));
        assertThat(page.body()).isEqualTo("<p>end</p>");
        for (String path : new String[] {"/a", "/b?x=1", "/c", "/d"}) {
            server.verify(1, getRequestedFor(urlEqualTo(path)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/",
            "http://[::ffff:169.254.169.254]/", "http://[fd00::1]/", "http://100.100.100.200/", "http://0.0.0.0/"})
    void refusesARedirectToAPrivateAddress(String target) {
        server.stubFor(get("/jump").willReturn(aResponse().withStatus(302).withHeader("Location", target)));

        FetchException e = failure(onlyTestServerAllowed(), url("/jump"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
        assertThat(e.reason()).isEqualTo("The address points to a private network");
        // the redirect was read; nothing else reached the test server, which is also the trap proxy
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/job", "javascript:alert(1)", "gopher://x/"})
    void refusesARedirectToAnotherScheme(String target) {
        server.stubFor(get("/jump").willReturn(aResponse().withStatus(301).withHeader("Location", target)));

        FetchException e = failure(new SafeHttpFetcher(OPEN), url("/jump"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.INVALID_ADDRESS);
        assertThat(e.reason()).isEqualTo("The page redirected to an address that is not a web page");
    }

    @Test
    void stopsAfterTooManyRedirects() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        FetchException e = failure(new SafeHttpFetcher(OPEN), url("/loop"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS);
        assertThat(e.reason()).isEqualTo("Too many redirects");
        server.verify(1 + FetchPolicy.DEFAULT.maxRedirects(), getRequestedFor(urlEqualTo("/loop")));
    }

    @Test
    void honoursASmallerRedirectLimit() {
        server.stubFor(get("/one").willReturn(aResponse().withStatus(302).withHeader("Location", "/two")));
        server.stubFor(get("/two").willReturn(aResponse().withStatus(302).withHeader("Location", "/three")));
        server.stubFor(get("/three").willReturn(aResponse().withBody("x")));

        FetchException e = failure(new SafeHttpFetcher(OPEN.withMaxRedirects(1)), url("/one"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS);
        server.verify(0, getRequestedFor(urlEqualTo("/three")));
    }

    @Test
    void failsOnARedirectWithoutLocation() {
        server.stubFor(get("/nowhere").willReturn(aResponse().withStatus(302)));

        FetchException e = failure(new SafeHttpFetcher(OPEN), url("/nowhere"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
        assertThat(e.status()).isEqualTo(302);
    }

    // ---------------------------------------------------------------- limits

    @Test
    void timesOutOnASlowServer() {
        server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3000).withBody("late")));
        SafeHttpFetcher fetcher = new SafeHttpFetcher(OPEN.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));

        long start = System.nanoTime();
        FetchException e = failure(fetcher, url("/slow"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
        assertThat(e.reason()).isEqualTo("The page took longer than 500 ms");
        assertThat(e.isTransient()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void timesOutOnABodyThatTrickles() {
        server.stubFor(get("/trickle").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<p>" + "x".repeat(2000) + "</p>").withChunkedDribbleDelay(20, 4000)));
        SafeHttpFetcher fetcher = new SafeHttpFetcher(OPEN.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));

        FetchException e = failure(fetcher, url("/trickle"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
        assertThat(e.reason()).isEqualTo("The page took longer than 1 s");
    }

    @Test
    void theDefaultPolicyExplainsItsLimitsInWords() {
        assertThat(SafeHttpFetcher.seconds(FetchPolicy.DEFAULT.readTimeout())).isEqualTo("10 s");
        assertThat(SafeHttpFetcher.size(FetchPolicy.DEFAULT.maxBodyBytes())).isEqualTo("2 MB");
        assertThat(FetchPolicy.DEFAULT.maxRedirects()).isEqualTo(5);
        assertThat(FetchPolicy.DEFAULT.allowPrivateNetworks()).isFalse();
    }

    @Test
    void refusesABodyOverTheCapDeclaredByContentLength() {
        server.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("y".repeat(50_000))));

        FetchException e = failure(new SafeHttpFetcher(OPEN.withMaxBodyBytes(1024)), url("/big"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
        assertThat(e.reason()).isEqualTo("The page is larger than 1 KB");
    }

    @Test
    void stopsReadingAChunkedBodyAtTheCap() {
        server.stubFor(get("/chunked").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("z".repeat(20_000)).withChunkedDribbleDelay(10, 200)));

        FetchException e = failure(new SafeHttpFetcher(OPEN.withMaxBodyBytes(4096)), url("/chunked"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
        assertThat(e.reason()).isEqualTo("The page is larger than 4 KB");
    }

    /** No Content-Length and a body that never ends: reading stops at the cap and the connection is dropped. */
    @Test
    void stopsReadingAnEndlessBodyAtTheCap() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            Thread serverThread = new Thread(() -> {
                try (java.net.Socket socket = listener.accept();
                     java.io.OutputStream out = socket.getOutputStream()) {
                    socket.getInputStream().read(new byte[4096]);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = "<p>endless</p>\n".repeat(512).getBytes(StandardCharsets.US_ASCII);
                    while (sent.get() < 100L * 1024 * 1024) {
                        out.write(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException expected) {
                    // the client hung up
                }
            });
            serverThread.start();

            FetchException e = failure(new SafeHttpFetcher(OPEN.withMaxBodyBytes(64 * 1024)),
                    "http://127.0.0.1:" + listener.getLocalPort() + "/endless");

            serverThread.join(5000);
            assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
            assertThat(e.reason()).isEqualTo("The page is larger than 64 KB");
            assertThat(serverThread.isAlive()).isFalse();
            assertThat(sent.get()).isLessThan(50L * 1024 * 1024);
        }
    }

    @Test
    void acceptsABodyExactlyAtTheCap() throws Exception {
        server.stubFor(get("/exact").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("a".repeat(1024))));

        assertThat(new SafeHttpFetcher(OPEN.withMaxBodyBytes(1024)).fetch(url("/exact")).body()).hasSize(1024);
    }

    // ---------------------------------------------------------------- answers

    @Test
    void reportsNotFound() {
        server.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("not here")));

        FetchException e = failure(new SafeHttpFetcher(OPEN), url("/gone"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
        assertThat(e.reason()).isEqualTo("The page answered 404");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void reportsServerErrorsAsTransient() {
        server.stubFor(get("/boom").willReturn(aResponse().withStatus(500).withBody("x".repeat(200_000))));

        FetchException e = failure(new SafeHttpFetcher(OPEN), url("/boom"));

        assertThat(e.reason()).isEqualTo("The page answered 500");
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void reportsARefusedConnection() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        FetchException e = failure(new SafeHttpFetcher(OPEN), "http://127.0.0.1:" + closedPort + "/");

        assertThat(e.kind()).isEqualTo(FetchException.Kind.CONNECTION_FAILED);
        assertThat(e.isTransient()).isTrue();
    }

    // ---------------------------------------------------------------- refused before sending

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/job.html", "javascript:alert(1)",
            "mailto:jobs@example.com", "data:text/html,<p>x</p>", "//127.0.0.1/x", "/relative/path"})
    void acceptsOnlyHttpAndHttps(String address) {
        FetchException e = failure(guardedDefault(Map.of()), address);

        assertThat(e.kind()).isEqualTo(FetchException.Kind.INVALID_ADDRESS);
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSchemeMessageIsClear() {
        assertThat(failure(guardedDefault(Map.of()), "ftp://example.com/job.html").reason())
                .isEqualTo("Only http and https addresses are supported");
    }

    @Test
    void theDefaultPolicyRefusesLoopbackWithoutSendingAnything() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withBody("secret")));

        for (String address : new String[] {url("/admin"), "http://localhost:" + server.port() + "/admin",
                "http://[::1]:" + server.port() + "/", "http://[::ffff:127.0.0.1]:" + server.port() + "/",
                "http://127.1.2.3:" + server.port() + "/"}) {
            FetchException e = failure(new SafeHttpFetcher(), address);
            assertThat(e.kind()).as(address).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
            assertThat(e.reason()).isEqualTo("The address points to a private network");
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theDefaultPolicyRefusesTheMetadataAddressAndPrivateHosts() {
        SafeHttpFetcher fetcher = guardedDefault(Map.of("jobs.example", "10.0.0.5", "meta.example", "169.254.169.254"));

        for (String address : new String[] {"http://169.254.169.254/latest/meta-data/", "http://jobs.example/1",
                "https://meta.example/", "http://[fe80::1]/", "http://100.64.1.1/", "jobs.example/careers"}) {
            FetchException e = failure(fetcher, address);
            assertThat(e.kind()).as(address).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
            assertThat(e.detail()).isNotBlank();
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAHostWithAnyPrivateAddress() {
        SafeHttpFetcher fetcher = new SafeHttpFetcher(FetchPolicy.DEFAULT,
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.1.1")},
                AddressClassifier::isPublic, ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port())));

        FetchException e = failure(fetcher, "http://mixed.example/");

        assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS);
        assertThat(e.detail()).contains("10.1.1.1");
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void reportsAnUnknownHost() {
        FetchException e = failure(guardedDefault(Map.of()), "https://no-such-host.invalid/job");

        assertThat(e.kind()).isEqualTo(FetchException.Kind.UNKNOWN_HOST);
        assertThat(e.reason()).contains("could not be found");
    }

    @Test
    void refusesCredentialsInTheAddress() {
        FetchException e = failure(guardedDefault(Map.of()), "http://user:secret@jobs.example/");

        assertThat(e.kind()).isEqualTo(FetchException.Kind.INVALID_ADDRESS);
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesEmptyAndOverlongAddresses() {
        assertThat(failure(guardedDefault(Map.of()), "  ").kind()).isEqualTo(FetchException.Kind.INVALID_ADDRESS);
        assertThat(failure(guardedDefault(Map.of()), "https://jobs.example/" + "a".repeat(3000)).kind())
                .isEqualTo(FetchException.Kind.INVALID_ADDRESS);
    }

    @Test
    void classifiesContentTypes() {
        assertThat(SafeHttpFetcher.acceptable("text/html; charset=utf-8")).isTrue();
        assertThat(SafeHttpFetcher.acceptable("application/ld+json")).isTrue();
        assertThat(SafeHttpFetcher.acceptable(null)).isTrue();
        assertThat(SafeHttpFetcher.acceptable("image/png")).isFalse();
        assertThat(SafeHttpFetcher.acceptable("application/octet-stream")).isFalse();
    }

    @Test
    void requestsAreSentOnlyToTheTestServer() {
        // sanity check of the trap used above: a request that is let through lands on the test server
        server.stubFor(get(urlPathEqualTo("/trap")).willReturn(aResponse().withBody("caught")));
        SafeHttpFetcher everythingAllowed = new SafeHttpFetcher(FetchPolicy.DEFAULT,
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}, address -> true,
                ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port())));

        try {
            everythingAllowed.fetch("http://public.example/trap");
        } catch (FetchException e) {
            throw new AssertionError(e.reason(), e);
        }
        server.verify(1, getRequestedFor(urlPathEqualTo("/trap")));
    }
}
