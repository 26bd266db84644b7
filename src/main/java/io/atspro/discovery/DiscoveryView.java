package io.atspro.discovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A discovery as its user sees it: what it searched, how far it got, what it found, how long it took. */
public record DiscoveryView(UUID id, String searchQuery, String location, List<String> sources, String status,
        int jobsFound, int jobsNew, int boardsSearched, int boardsFailed, String errorMessage, Instant createdAt,
        Instant startedAt, Instant completedAt, Long durationMs) {

    static DiscoveryView of(Discovery d) {
        Long duration = d.startedAt != null && d.completedAt != null
                ? java.time.Duration.between(d.startedAt, d.completedAt).toMillis() : null;
        return new DiscoveryView(d.id, d.searchQuery, d.location, d.sources, d.status, d.jobsFound, d.jobsNew,
                d.boardsSearched, d.boardsFailed, d.errorMessage, d.createdAt, d.startedAt, d.completedAt, duration);
    }
}
