package io.atspro.scraping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class ScrapeViews {

    private ScrapeViews() {
    }

    record SourceView(UUID id, String platform, String board, String companyName, boolean enabled, String schedule,
            boolean defaultSchedule, Instant nextRunAt, Instant lastRunAt, String lastStatus, Instant createdAt,
            Instant updatedAt) {

        static SourceView of(ScrapeSource s, String defaultCron) {
            return new SourceView(s.id, s.platform, s.board, s.companyName, s.enabled,
                    s.schedule != null ? s.schedule : defaultCron, s.schedule == null, s.nextRunAt, s.lastRunAt,
                    s.lastStatus, s.createdAt, s.updatedAt);
        }
    }

    record RunView(UUID id, UUID sourceId, UUID taskId, String trigger, String status, int jobsFound, int jobsNew,
            int jobsUpdated, int jobsUnchanged, int jobsClosed, int errors, int requests, int rateLimitHits,
            Integer fetchMs, Integer writeMs, String errorMessage, Instant createdAt, Instant startedAt,
            Instant completedAt) {

        static RunView of(ScrapeRun r) {
            return new RunView(r.id, r.sourceId, r.taskId, r.trigger, r.status, r.jobsFound, r.jobsNew, r.jobsUpdated,
                    r.jobsUnchanged, r.jobsClosed, r.errors, r.requests, r.rateLimitHits, r.fetchMs, r.writeMs,
                    r.errorMessage, r.createdAt, r.startedAt, r.completedAt);
        }
    }

    /** What a look for due sources queued: one run per source whose slot had come. */
    @Schema(name = "DueScrapeRuns")
    record DueRuns(List<RunView> started) {
    }

    record MetricView(String platformName, LocalDate metricDate, int totalJobsScraped, int successfulScrapes,
            int failedScrapes, int rateLimitHits, int requests, Integer averageResponseTimeMs) {
    }
}
