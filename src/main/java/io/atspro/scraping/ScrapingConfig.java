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

    /**
     * Boards on their own host per employer ({@code https://{tenant}.wd5.myworkdayjobs.com},
     * {@code https://{slug}.recruitee.com}, {@code https://{slug}.jobs.personio.de},
     * {@code https://{slug}.teamtailor.com}): when set, every board of the platform is read from this one base
     * instead (tests and the dev stack's local board server).
     */
    Optional<String> workdayBaseUrl();

    Optional<String> recruiteeBaseUrl();

    Optional<String> personioBaseUrl();

    Optional<String> teamtailorBaseUrl();

    @WithDefault("https://api.smartrecruiters.com")
    String smartrecruitersBaseUrl();

    @WithDefault("https://apply.workable.com")
    String workableBaseUrl();

    /** The most postings one server-side search of a board (a discovery) reads. */
    @WithDefault("100")
    int searchMaxPerBoard();

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

        /**
         * Lets board URLs reach loopback and private addresses (tests, the local dev stack). Off in production: an
         * admin's career-page URL must not make the service probe the internal network; the same guard as job URLs.
         */
        @WithDefault("${atspro.jobs.fetch.allow-private-networks:false}")
        boolean allowPrivateNetworks();
    }
}
