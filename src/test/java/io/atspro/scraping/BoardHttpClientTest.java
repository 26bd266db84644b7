package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.atspro.scraping.BoardException.Kind;
import io.atspro.scraping.ScrapingTestSupport.FakeClock;
import io.atspro.scraping.ScrapingTestSupport.FakeSleeper;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoardHttpClientTest {

    private static final String PATH = "/v1/boards/phonepe/jobs?content=true";
    private WireMockServer server;
    private FakeClock clock;
    private FakeSleeper sleeper;

    @BeforeEach
    void setUp() {
        server = ScrapingTestSupport.startServer();
        clock = new FakeClock();
        sleeper = new FakeSleeper(clock);
    }

    @AfterEach
    void tearDown() {
        server.stop();
    }

    private BoardHttpClient client(BoardHttpClient.Config config) {
        return new BoardHttpClient(config, clock, sleeper);
    }

    private static BoardHttpClient.Config config() {
        return BoardHttpClient.Config.defaults().withRequestTimeout(Duration.ofSeconds(5)).withPrivateNetworks(true);
    }

    @Test
    void rateLimitedThenOkSucceedsAfterWaitingRetryAfter() throws Exception {
        server.stubFor(get(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        server.stubFor(get(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(fixture("greenhouse.json"))));
        BoardHttpClient http = client(config());

        assertThat(new GreenhouseConnector(ScrapingTestSupport.base(server), http).fetchAll("phonepe")).hasSize(5);

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
        server.verify(2, getRequestedFor(urlEqualTo(PATH)));
        BoardHttpClient.Stats stats = http.stats();
        assertThat(stats.requests()).isEqualTo(2);
        assertThat(stats.rateLimitHits()).isEqualTo(1);
        assertThat(stats.failures()).isZero();
        assertThat(stats.avgResponseMs()).isPositive();
    }

    @Test
    void retryAfterAsHttpDateIsHonouredAndCapped() throws Exception {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
        server.stubFor(get(urlEqualTo("/a")).inScenario("d").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", in30s)).willSetStateTo("big"));
        server.stubFor(get(urlEqualTo("/a")).inScenario("d").whenScenarioStateIs("big")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "86400")).willSetStateTo("ok"));
        server.stubFor(get(urlEqualTo("/a")).inScenario("d").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody("fine")));

        assertThat(client(config()).get(ScrapingTestSupport.base(server) + "/a")).isEqualTo("fine");

        // 503's Retry-After is not honoured (only 429's); it gets exponential backoff: 2nd retry = 1 s
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsCappedAtMax() throws Exception {
        server.stubFor(get(urlEqualTo("/a")).inScenario("c").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")).willSetStateTo("ok"));
        server.stubFor(get(urlEqualTo("/a")).inScenario("c").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody("fine")));

        client(config()).get(ScrapingTestSupport.base(server) + "/a");

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(120));
    }

    @Test
    void persistentRateLimitEndsAsRateLimited() {
        server.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> client(config()).get(ScrapingTestSupport.base(server) + "/a"))
                .isInstanceOfSatisfying(BoardException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
        server.verify(4, getRequestedFor(urlEqualTo("/a")));
    }

    @Test
    void serverErrorsUntilRetriesRunOutIsHttpErrorWithExponentialBackoff() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        BoardHttpClient http = client(config());

        assertThatThrownBy(() -> new GreenhouseConnector(ScrapingTestSupport.base(server), http).fetchAll("phonepe"))
                .isInstanceOfSatisfying(BoardException.class, e -> assertThat(e.kind()).isEqualTo(Kind.HTTP_ERROR))
                .hasMessageContaining("HTTP 500");

        server.verify(4, getRequestedFor(urlEqualTo(PATH))); // 1 + 3 retries
        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(http.stats().failures()).isEqualTo(4);
    }

    @Test
    void slowAnswerIsTimeout() {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(2_000).withBody("late")));
        BoardHttpClient http = client(config().withRequestTimeout(Duration.ofMillis(300)).withMaxRetries(1));

        assertThatThrownBy(() -> http.get(ScrapingTestSupport.base(server) + "/slow"))
                .isInstanceOfSatisfying(BoardException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
                .hasMessageContaining("timed out");
        server.verify(2, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresThenFailsFastThenHalfOpens() throws Exception {
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(503)));
        BoardHttpClient http = client(config().withMaxRetries(0).withCircuit(3, Duration.ofMinutes(5)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> http.get(ScrapingTestSupport.base(server) + "/down"))
                    .isInstanceOfSatisfying(BoardException.class, e -> assertThat(e.kind()).isEqualTo(Kind.HTTP_ERROR));
        }
        assertThatThrownBy(() -> http.get(ScrapingTestSupport.base(server) + "/down"))
                .isInstanceOfSatisfying(BoardException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CIRCUIT_OPEN))
                .hasMessageContaining("127.0.0.1");
        server.verify(3, getRequestedFor(urlEqualTo("/down"))); // the 4th never reached the server

        // after the cool-down one trial request goes through; it succeeds and closes the circuit
        clock.advance(Duration.ofMinutes(5));
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withBody("back")));
        assertThat(http.get(ScrapingTestSupport.base(server) + "/down")).isEqualTo("back");
        assertThat(http.get(ScrapingTestSupport.base(server) + "/down")).isEqualTo("back");
        server.verify(5, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void failedHalfOpenTrialReopensImmediately() {
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        BoardHttpClient http = client(config().withMaxRetries(0).withCircuit(2, Duration.ofMinutes(1)));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> http.get(ScrapingTestSupport.base(server) + "/down")).isInstanceOf(BoardException.class);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> http.get(ScrapingTestSupport.base(server) + "/down"))
                .isInstanceOfSatisfying(BoardException.class, e -> assertThat(e.kind()).isEqualTo(Kind.HTTP_ERROR));
        assertThatThrownBy(() -> http.get(ScrapingTestSupport.base(server) + "/down"))
                .isInstanceOfSatisfying(BoardException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CIRCUIT_OPEN));
        server.verify(3, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void perHostMinimumIntervalIsRespected() throws Exception {
        server.stubFor(get(urlEqualTo("/p")).willReturn(aResponse().withBody("ok")));
        BoardHttpClient http = client(config().withMinInterval(Duration.ofMillis(250)));

        http.get(ScrapingTestSupport.base(server) + "/p");
        http.get(ScrapingTestSupport.base(server) + "/p");
        clock.advance(Duration.ofMillis(100));
        http.get(ScrapingTestSupport.base(server) + "/p");
        clock.advance(Duration.ofSeconds(1));
        http.get(ScrapingTestSupport.base(server) + "/p");

        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(150));
        assertThat(http.stats().requests()).isEqualTo(4);
    }
}
