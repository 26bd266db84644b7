package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.testing.SharedFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared test plumbing: loopback WireMock, a fake clock that only moves when the fake sleeper sleeps. */
final class ScrapingTestSupport {

    private ScrapingTestSupport() {
    }

    static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    /** Loopback base URL by IP (WireMock's baseUrl() says "localhost"). */
    static String base(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** A recorded board payload from ../shared/fixtures/job-boards; the calling test is skipped without it. */
    static String fixture(String name) {
        return SharedFixtures.string("fixtures/job-boards/" + name);
    }

    static final class FakeClock extends Clock {
        private volatile Instant now = Instant.parse("2026-08-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static final class FakeSleeper implements BoardHttpClient.Sleeper {
        final FakeClock clock;
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        FakeSleeper(FakeClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            clock.advance(duration);
        }
    }

    /** Client with fast real timeouts and fake time for pacing/backoff. */
    static BoardHttpClient client(FakeClock clock, FakeSleeper sleeper) {
        return new BoardHttpClient(BoardHttpClient.Config.defaults().withRequestTimeout(Duration.ofSeconds(5))
                .withPrivateNetworks(true),
                clock, sleeper);
    }

    static BoardHttpClient client() {
        FakeClock clock = new FakeClock();
        return client(clock, new FakeSleeper(clock));
    }

    /** Every description: clean text, no markup, no entities, no script/style text. */
    static void assertCleanDescription(NormalizedPosting p) {
        assertThat(p.description()).as("description of %s", p.externalId()).isNotBlank()
                .doesNotContainPattern("<[a-zA-Z/!][^>]*>")
                .doesNotContainPattern("&[a-zA-Z]+;|&#\\d+;")
                .doesNotContain("\u00a0")
                .doesNotContain("  ")
                .doesNotContain("\n\n\n");
        assertThat(p.description().lines().anyMatch(String::isBlank)).as("keeps paragraph breaks").isTrue();
        assertThat(p.contentHash()).matches("[0-9a-f]{64}");
    }
}
