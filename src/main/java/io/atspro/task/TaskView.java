package io.atspro.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A task as its owner sees it. */
public record TaskView(UUID id, String taskType, String status, int progress, JsonNode resultData, String errorMessage,
                       int retryCount, int maxRetries, Instant scheduledAt, Instant startedAt, Instant completedAt,
                       Instant expiresAt, Instant createdAt, Instant updatedAt) {

    static TaskView of(Task t) {
        return new TaskView(t.id, t.taskType, t.status, t.progress, t.resultData, t.errorMessage, t.retryCount,
                t.maxRetries, t.scheduledAt, t.startedAt, t.completedAt, t.expiresAt, t.createdAt, t.updatedAt);
    }
}
