package io.atspro.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** A notification as clients see it; {@code seq} is also the stream's event id. */
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public record NotificationView(UUID id, long seq, String type, String priority, String title, String message,
        boolean isRead, Instant readAt, JsonNode data, String actionUrl, Instant expiresAt, Instant createdAt,
        Instant deliverAt) {
}
