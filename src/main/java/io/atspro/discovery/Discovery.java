package io.atspro.discovery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A job search a user started (seed 004's crawler_jobs): on the catalog and on the boards that search. */
@Entity
@Table(name = "crawler_jobs")
public class Discovery {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    UUID taskId;

    @Column(nullable = false, updatable = false)
    String searchQuery;

    @Column(updatable = false)
    String location;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    List<String> sources;

    @Column(nullable = false)
    String status;

    int jobsFound;
    int jobsNew;
    int boardsSearched;
    int boardsFailed;
    String errorMessage;

    @Column(nullable = false, updatable = false)
    Instant createdAt;

    Instant startedAt;
    Instant completedAt;

    protected Discovery() {
    }

    static Discovery queue(String userId, String query, String location, List<String> sources, Instant now) {
        Discovery d = new Discovery();
        d.id = UUID.randomUUID();
        d.userId = userId;
        d.searchQuery = query;
        d.location = location;
        d.sources = List.copyOf(sources);
        d.status = QUEUED;
        d.createdAt = now;
        return d;
    }

    boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }
}
