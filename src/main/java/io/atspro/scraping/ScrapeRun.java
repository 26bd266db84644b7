package io.atspro.scraping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read of a source into the catalog (004 crawler_jobs): what it found and changed, how long it took. */
@Entity
@Table(name = "scrape_runs")
public class ScrapeRun {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    UUID sourceId;

    UUID taskId;

    @Column(nullable = false, updatable = false)
    String trigger;

    @Column(nullable = false)
    String status;

    int jobsFound;
    int jobsNew;
    int jobsUpdated;
    int jobsUnchanged;
    int jobsClosed;
    int errors;
    int requests;
    int rateLimitHits;
    Integer fetchMs;
    Integer writeMs;
    String errorMessage;

    @Column(nullable = false, updatable = false)
    Instant createdAt;

    Instant startedAt;
    Instant completedAt;

    protected ScrapeRun() {
    }

    static ScrapeRun queue(UUID sourceId, String trigger, Instant now) {
        ScrapeRun run = new ScrapeRun();
        run.id = UUID.randomUUID();
        run.sourceId = sourceId;
        run.trigger = trigger;
        run.status = QUEUED;
        run.createdAt = now;
        return run;
    }

    boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }
}
