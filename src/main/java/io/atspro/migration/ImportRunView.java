package io.atspro.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One import as the admin API shows it; {@code summary} is {@link ImportSummary} in snake_case. */
public record ImportRunView(UUID id, String runBy, String source, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        JsonNode summary) {
}
