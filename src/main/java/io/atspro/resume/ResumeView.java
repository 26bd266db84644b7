package io.atspro.resume;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resume as its owner sees it. {@code task_id} is the parse task of an upload; {@code parse_warnings} what the
 * parse asks the user to check (empty when there is nothing, and once the user edited {@code resume_data}).
 */
public record ResumeView(UUID id, String title, String status, String source, int version, boolean isActive,
                         JsonNode resumeData, JsonNode fileMetadata, String errorMessage, List<String> parseWarnings,
                         UUID taskId, Instant createdAt, Instant updatedAt) {

    static ResumeView of(Resume r) {
        return new ResumeView(r.id, r.title, r.status, r.source, r.version, r.isActive, r.resumeData, r.fileMetadata,
                r.errorMessage, r.parseWarnings(), r.taskId, r.createdAt,
                r.updatedAt);
    }
}
