package io.atspro.job;

import io.atspro.shared.AddressClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;

/**
 * Fetches the page at a user-supplied address without letting the user reach the service's own network (SSRF).
 *
 * <ul>
 *   <li>Only {@code http} and {@code https}; no user info in the address.</li>
 *   <li>The host is resolved and <em>every</em> address it resolves to must be public
 *       ({@link AddressClassifier}), unless {@link FetchPolicy#allowPrivateNetworks()} is set.</li>
 *   <li>Redirects are followed by hand (the client never follows them), at most {@link FetchPolicy#maxRedirects()};
 *       each {@code Location} is checked again: scheme, host, resolved addresses.</li>
 *   <li>A connect timeout, and one time budget ({@link FetchPolicy#readTimeout()}) for the whole fetch.</li>
 *   <li>The body is read up to {@link FetchPolicy#maxBodyBytes()}; reading stops there and the fetch fails
 *       (the connection is cancelled, so a huge or endless body costs no more than the cap).</li>
 *   <li>No proxy, no cookies, no credentials; a clear User-Agent; HTTP/1.1.</li>
 *   <li>Only HTML, JSON(-LD) and plain text are accepted; the charset comes from the Content-Type, a BOM or the
 *       page's {@code <meta charset>}, else UTF-8.</li>
 * </ul>
 *
 * <p><b>Residual risk: DNS rebinding.</b> {@link HttpClient} offers no way to connect to an address chosen by the
 * caller while keeping the host name for TLS (SNI, certificate check) and the Host header (it is a restricted
 * header). So the host is resolved twice: once here for the check, once by the client to connect. The JDK caches
 * successful lookups ({@code networkaddress.cache.ttl}, 30 s by default when no security manager is installed,
 * whatever the DNS record's TTL) and the client's lookup goes through the same cache, so within that window it
 * gets the addresses that were checked. The check can be bypassed only if the cache entry expires between the
 * check and the connection (milliseconds), or if the deployment sets {@code networkaddress.cache.ttl=0}: keep the
 * JDK default. As defence in depth, production should also deny the service's egress to private ranges and the
 * metadata address at the network level (security group, network policy, or an egress proxy).
 *
 * <p>Other limits: DNS lookups are bounded by the system resolver's timeouts, not by this fetcher's; ports are not
 * restricted (a public host may be probed on any port).
 *
 * <p>Thread-safe; share one instance (it owns an {@link HttpClient}).
 */
public final class SafeHttpFetcher {

    public static final String USER_AGENT = "ATSPro/1.0 (+job import)";
    static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,application/ld+json;q=0.8,"
            + "application/json;q=0.8,text/plain;q=0.5";
    static final int MAX_URL_LENGTH = 2048;
    /** Bodies of redirects and error answers are not needed: read at most this much of them. */
    private static final int DISCARDED_BODY_CAP = 64 * 1024;
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    /** Resolves a host name (without brackets) to all its addresses; tests substitute it. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final FetchPolicy policy;
    private final HostResolver resolver;
    private final Predicate<InetAddress> publicAddress;
    private final HttpClient client;

    public SafeHttpFetcher() {
        this(FetchPolicy.DEFAULT);
    }

    public SafeHttpFetcher(FetchPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    SafeHttpFetcher(FetchPolicy policy, HostResolver resolver) {
        this(policy, resolver, AddressClassifier::isPublic, HttpClient.Builder.NO_PROXY);
    }

    /**
     * For tests: {@code publicAddress} replaces the classifier (to let one loopback test server through while
     * checking everything else), {@code proxy} catches any request that would escape to the network.
     */
    SafeHttpFetcher(FetchPolicy policy, HostResolver resolver, Predicate<InetAddress> publicAddress,
                    ProxySelector proxy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.publicAddress = Objects.requireNonNull(publicAddress, "publicAddress");
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(proxy)
                .build();
    }

    public FetchPolicy policy() {
        return policy;
    }

    /**
     * Fetches an address as the user typed it: trimmed, {@code https://} added when there is no scheme
     * ({@code www.example.com/jobs/1}), international host names converted.
     */
    public FetchedPage fetch(String address) throws FetchException {
        if (address == null || address.isBlank()) {
            throw invalid("The address is empty");
        }
        String text = address.strip();
        if (text.length() > MAX_URL_LENGTH) {
            throw invalid("The address is longer than " + MAX_URL_LENGTH + " characters");
        }
        if (!text.contains("://") && !text.contains(":") && text.matches("^[^/\\s?#]+\\.[^/\\s?#]+([/?#].*)?$")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = parseLenient(text);
        }
        return fetch(uri);
    }

    /** Fetches the page, following redirects; see the class comment for what is refused. */
    public FetchedPage fetch(URI address) throws FetchException {
        long deadline = System.nanoTime() + policy.readTimeout().toNanos();
        URI current = checkedUri(address, false);
        for (int redirects = 0; ; redirects++) {
            checkAddresses(current);
            HttpResponse<Body> response = send(current, deadline);
            int status = response.statusCode();
            if (isRedirect(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    throw new FetchException(FetchException.Kind.HTTP_STATUS,
                            "The page answered " + status + " without saying where it moved", status, null, null);
                }
                if (redirects >= policy.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, "Too many redirects", status,
                            "more than " + policy.maxRedirects() + " redirects, last from " + current, null);
                }
                current = checkedUri(resolveLocation(current, location.strip()), true);
                continue;
            }
            if (status < 200 || status > 299) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "The page answered " + status, status,
                        current.toString(), null);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            if (!acceptable(contentType)) {
                throw new FetchException(FetchException.Kind.UNSUPPORTED_CONTENT,
                        "The address points to a file (" + mediaType(contentType) + "), not a web page: "
                                + "download it and upload it instead", status, current.toString(), null);
            }
            Body body = response.body();
            if (body.truncated()) {
                throw tooLarge(current);
            }
            byte[] bytes = decompress(body.bytes(), response.headers().firstValue("Content-Encoding").orElse(null), current);
            return new FetchedPage(current, status, contentType, decode(bytes, contentType));
        }
    }

    // ---------------------------------------------------------------- checks

    private URI checkedUri(URI uri, boolean redirected) throws FetchException {
        if (uri == null) {
            throw invalid("The address is empty");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.INVALID_ADDRESS,
                    redirected ? "The page redirected to an address that is not a web page"
                            : "Only http and https addresses are supported",
                    0, uri.toString(), null);
        }
        if (uri.isOpaque()) {
            throw invalid("This is not a valid web address");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("Addresses with a user name or password are not supported");
        }
        String host = uri.getHost();
        if (host == null) {
            host = idnHost(uri.getRawAuthority());
            if (host == null) {
                throw invalid("The address has no host name");
            }
            uri = rebuild(scheme, host, uri);
        }
        if (uri.toString().length() > MAX_URL_LENGTH) {
            throw invalid("The address is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            // the scheme in lower case, without the fragment (never sent)
            return new URI(scheme + "://" + uri.getRawAuthority()
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw invalid("This is not a valid web address");
        }
    }

    private void checkAddresses(URI uri) throws FetchException {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new FetchException(FetchException.Kind.UNKNOWN_HOST,
                    "The address could not be found (no such host: " + host + ")", 0, host, e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new FetchException(FetchException.Kind.UNKNOWN_HOST,
                    "The address could not be found (no such host: " + host + ")", 0, host, null);
        }
        if (policy.allowPrivateNetworks()) {
            return;
        }
        for (InetAddress address : addresses) {
            if (!publicAddress.test(address)) {
                String range = AddressClassifier.blockedRange(address);
                throw new FetchException(FetchException.Kind.BLOCKED_ADDRESS, "The address points to a private network",
                        0, host + " resolves to " + address.getHostAddress() + ": " + range, null);
            }
        }
    }

    // ---------------------------------------------------------------- exchange

    private HttpResponse<Body> send(URI uri, long deadline) throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(uri);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", ACCEPT)
                    .header("Accept-Language", "en;q=1.0, *;q=0.5")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.INVALID_ADDRESS, "This is not a valid web address", 0,
                    uri.toString(), e);
        }
        CompletableFuture<HttpResponse<Body>> future = client.sendAsync(request, this::bodyFor);
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, "The download was interrupted", 0,
                    uri.toString(), e);
        } catch (CancellationException e) {
            throw new FetchException(FetchException.Kind.INTERRUPTED, "The download was interrupted", 0,
                    uri.toString(), e);
        } catch (ExecutionException e) {
            throw networkFailure(uri, e.getCause() == null ? e : e.getCause());
        }
    }

    private HttpResponse.BodySubscriber<Body> bodyFor(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        boolean wanted = status >= 200 && status <= 299
                && acceptable(info.headers().firstValue("Content-Type").orElse(null));
        long cap = wanted ? policy.maxBodyBytes() : (status >= 200 && status <= 299 ? 0 : DISCARDED_BODY_CAP);
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new CappedBodySubscriber(cap, wanted && declared > cap);
    }

    private FetchException networkFailure(URI uri, Throwable cause) {
        String detail = uri + ": " + cause;
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "The server did not answer within "
                    + seconds(policy.connectTimeout()), 0, detail, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(uri);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(FetchException.Kind.CONNECTION_FAILED, "The server refused the connection", 0,
                    detail, cause);
        }
        if (cause instanceof SSLException) {
            return new FetchException(FetchException.Kind.CONNECTION_FAILED,
                    "The page's secure connection (HTTPS) could not be established", 0, detail, cause);
        }
        if (cause instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.UNKNOWN_HOST, "The address could not be found", 0, detail,
                    cause);
        }
        return new FetchException(FetchException.Kind.CONNECTION_FAILED, "The page could not be downloaded", 0,
                detail, cause);
    }

    private FetchException timeout(URI uri) {
        return new FetchException(FetchException.Kind.TIMEOUT, "The page took longer than " + seconds(policy.readTimeout()),
                0, uri.toString(), null);
    }

    private FetchException tooLarge(URI uri) {
        return new FetchException(FetchException.Kind.TOO_LARGE, "The page is larger than " + size(policy.maxBodyBytes()),
                0, uri.toString(), null);
    }

    // ---------------------------------------------------------------- body

    private byte[] decompress(byte[] bytes, String encoding, URI uri) throws FetchException {
        String e = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity") || bytes.length == 0) {
            return bytes;
        }
        InputStream in;
        try {
            if (e.equals("gzip") || e.equals("x-gzip")) {
                in = new GZIPInputStream(new ByteArrayInputStream(bytes));
            } else if (e.equals("deflate")) {
                in = new InflaterInputStream(new ByteArrayInputStream(bytes));
            } else {
                throw new FetchException(FetchException.Kind.UNSUPPORTED_CONTENT,
                        "The page uses a compression that is not supported (" + e + ")", 200, uri.toString(), null);
            }
            try (InputStream stream = in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = stream.read(buffer)) > 0) {
                    if (out.size() + (long) n > policy.maxBodyBytes()) {
                        throw tooLarge(uri);
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        } catch (IOException ex) {
            throw new FetchException(FetchException.Kind.CONNECTION_FAILED, "The page could not be read (damaged data)",
                    200, uri + ": " + ex, ex);
        }
    }

    static String decode(byte[] bytes, String contentType) {
        int skip = 0;
        Charset charset = null;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        if (charset == null) {
            charset = charset(parameter(contentType, "charset"));
        }
        if (charset == null && !mediaType(contentType).contains("json")) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                charset = charset(m.group(1));
            }
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(name.strip());
            // a page saying it is UTF-16 without a BOM is almost always wrong: treat it as UTF-8 (as browsers do)
            return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String value = part.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /** HTML, XHTML, JSON, JSON-LD and plain text; a missing Content-Type is accepted (sniffed by the extractor). */
    static boolean acceptable(String contentType) {
        String type = mediaType(contentType);
        return type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml")
                || type.equals("application/json") || type.equals("application/ld+json") || type.endsWith("+json")
                || type.equals("text/plain");
    }

    // ---------------------------------------------------------------- addresses

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI resolveLocation(URI base, String location) throws FetchException {
        URI target;
        try {
            target = new URI(location);
        } catch (URISyntaxException e) {
            target = parseLenient(location);
        }
        try {
            return base.resolve(target);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.INVALID_ADDRESS, "The page redirected to an invalid address",
                    0, location, e);
        }
    }

    /** Addresses with spaces or other characters browsers accept: percent-encode them. */
    private static URI parseLenient(String text) throws FetchException {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                encoded.append('%').append(String.format("%02X", c));
            } else {
                encoded.append((char) c);
            }
        }
        try {
            return new URI(encoded.toString());
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.INVALID_ADDRESS, "This is not a valid web address", 0, text, e);
        }
    }

    /** The ASCII (punycode) host of an authority java.net.URI could not parse as a server, or null. */
    private static String idnHost(String authority) {
        if (authority == null || authority.isBlank() || authority.contains("@")) {
            return null;
        }
        String host = authority;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        try {
            String ascii = IDN.toASCII(java.net.URLDecoder.decode(host, StandardCharsets.UTF_8), IDN.ALLOW_UNASSIGNED);
            return ascii.isEmpty() || !ascii.matches("[A-Za-z0-9.\\-]+") ? null : ascii;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static URI rebuild(String scheme, String asciiHost, URI uri) throws FetchException {
        String authority = uri.getRawAuthority();
        int colon = authority.lastIndexOf(':');
        String port = colon > 0 ? authority.substring(colon) : "";
        try {
            return new URI(scheme + "://" + asciiHost + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw invalid("This is not a valid web address");
        }
    }

    private static FetchException invalid(String reason) {
        return new FetchException(FetchException.Kind.INVALID_ADDRESS, reason);
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        if (bytes % 1024 == 0) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }

    // ---------------------------------------------------------------- body subscriber

    /** The bytes read, and whether reading stopped at the cap. */
    record Body(byte[] bytes, boolean truncated) {
    }

    /** Collects up to {@code cap} bytes, then cancels the exchange (closing the connection) and reports truncation. */
    private static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<Body> {
        private final long cap;
        private final boolean refuseAtOnce;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBodySubscriber(long cap, boolean refuseAtOnce) {
            this.cap = cap;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuseAtOnce) {
                s.cancel();
                result.complete(new Body(new byte[0], true));
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : items) {
                int n = buffer.remaining();
                if (out.size() + (long) n > cap) {
                    subscription.cancel();
                    result.complete(new Body(out.toByteArray(), true));
                    return;
                }
                byte[] chunk = new byte[n];
                buffer.get(chunk);
                out.write(chunk, 0, n);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(out.toByteArray(), false));
        }
    }
}
