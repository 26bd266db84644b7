package io.atspro.resume;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A resume as its owner sees it. {@code task_id} is the parse task of an upload. */
public record ResumeView(UUID id, String title, String status, String source, int version, boolean isActive,
                         JsonNode resumeData, JsonNode fileMetadata, String errorMessage, UUID taskId,
                         Instant createdAt, Instant updatedAt) {

    static ResumeView of(Resume r) {
        return new ResumeView(r.id, r.title, r.status, r.source, r.version, r.isActive, r.resumeData, r.fileMetadata,
                r.errorMessage, r.taskId, r.createdAt, r.updatedAt);
    }
}
