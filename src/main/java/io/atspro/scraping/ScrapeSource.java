package io.atspro.scraping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A job board the catalog reads on a schedule: a platform and its board token (or a career page URL). */
@Entity
@Table(name = "scrape_sources")
public class ScrapeSource {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String platform;

    @Column(nullable = false, updatable = false)
    String board;

    String companyName;

    boolean enabled;

    /** Quartz cron; null means the configured default. */
    String schedule;

    Instant nextRunAt;
    Instant lastRunAt;
    String lastStatus;
    String createdBy;

    @Column(nullable = false, updatable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected ScrapeSource() {
    }

    static ScrapeSource create(String platform, String board, String companyName, String schedule, boolean enabled,
            String createdBy, Instant now) {
        ScrapeSource source = new ScrapeSource();
        source.id = UUID.randomUUID();
        source.platform = platform;
        source.board = board;
        source.companyName = companyName;
        source.schedule = schedule;
        source.enabled = enabled;
        source.createdBy = createdBy;
        source.createdAt = now;
        source.updatedAt = now;
        return source;
    }
}
