package io.atspro.matching;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A stored match score: the scorer's result ({@code score, keywords_matched, keywords_missing, section_checks, suggestions}). */
public record MatchView(UUID id, UUID resumeId, UUID jobId, JsonNode result, Instant createdAt) {

    static MatchView of(OptimizationResult r) {
        return new MatchView(r.id, r.resumeId, r.jobId, r.resultData, r.createdAt);
    }
}
