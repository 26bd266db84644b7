package io.atspro.scraping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "atspro.scraping")
public interface ScrapingConfig {

    /** Whether this pod looks for due sources (any number of pods may: each source runs once per slot). */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often due sources are looked for. */
    @WithDefault("60s")
    String tick();

    /** Quartz cron of a source that names none: every 6 hours. */
    @WithDefault("0 0 */6 * * ?")
    String defaultSchedule();

    /** Board API base URLs (tests point them at WireMock). */
    @WithDefault("https://boards-api.greenhouse.io")
    String greenhouseBaseUrl();

    @WithDefault("https://api.lever.co")
    String leverBaseUrl();

    @WithDefault("https://api.ashbyhq.com")
    String ashbyBaseUrl();

    /** When set, a JSON-LD career-page source's URL is resolved against this (tests); else taken as is. */
    Optional<String> careerPageBaseUrl();

    Http http();

    interface Http {
        /** Minimum time between two requests to one host. */
        @WithDefault("500ms")
        Duration minInterval();

        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("30s")
        Duration requestTimeout();

        /** Retries after the first attempt on 429, 5xx, timeouts and I/O errors. */
        @WithDefault("3")
        int maxRetries();

        /** First backoff; doubled per retry up to max-backoff. A Retry-After header wins (capped). */
        @WithDefault("1s")
        Duration baseBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        @WithDefault("120s")
        Duration maxRetryAfter();

        /** Consecutive failures that open a host's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit fails fast. */
        @WithDefault("5m")
        Duration coolDown();

        @WithDefault("ATSPro-JobScraper/1.0 (+https://atspro.io/bot)")
        String userAgent();
    }
}
