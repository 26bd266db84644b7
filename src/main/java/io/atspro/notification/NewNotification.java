package io.atspro.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a feature wants to tell a user.
 *
 * @param dedupKey at most one notification per user and key (reminders, briefings); null for none
 */
public record NewNotification(String userId, NotificationType type, String priority, String title, String message,
        JsonNode data, String actionUrl, Instant expiresAt, String dedupKey) {

    public static NewNotification of(String userId, NotificationType type, String title, String message,
            JsonNode data, String actionUrl) {
        return new NewNotification(userId, type, "normal", title, message, data, actionUrl, null, null);
    }

    public NewNotification withDedupKey(String key) {
        return new NewNotification(userId, type, priority, title, message, data, actionUrl, expiresAt, key);
    }

    public NewNotification withPriority(String value) {
        return new NewNotification(userId, type, value, title, message, data, actionUrl, expiresAt, dedupKey);
    }
}
