package io.atspro.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A tracked job as its owner sees it. */
public record JobView(UUID id, String status, String sourceType, String sourceUrl, String sourceFilename,
                      UUID postingId, UUID documentId, JsonNode parsedData, JsonNode scores, String notes,
                      String errorMessage, UUID taskId, Instant createdAt, Instant updatedAt) {

    static JobView of(Job j) {
        return new JobView(j.id, j.status, j.sourceType, j.sourceUrl, j.sourceFilename, j.postingId, j.documentId,
                j.parsedData, j.scores, j.notes, j.errorMessage, j.taskId, j.createdAt, j.updatedAt);
    }
}
