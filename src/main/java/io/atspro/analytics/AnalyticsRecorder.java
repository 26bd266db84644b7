package io.atspro.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Appends an event of a user's action to {@code analytics_events}. Called inside a transaction, the event is part
 * of it (it exists exactly when the action committed); called outside one, it is written at once.
 */
@ApplicationScoped
public class AnalyticsRecorder {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    AnalyticsRecorder(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param type       what happened, snake_case ({@code application_status_changed}, {@code resume_uploaded}, ...)
     * @param entityType what it happened to ({@code application}, {@code resume}, ...), or null
     * @param entityId   that entity's id, or null
     * @param data       details, stored as JSONB (null: none)
     */
    public void record(String userId, String type, String entityType, Object entityId, Map<String, ?> data) {
        record(userId, type, entityType, entityId, data, clock.instant());
    }

    /** As {@link #record(String, String, String, Object, Map)}, for an action that happened at {@code at}. */
    public void record(String userId, String type, String entityType, Object entityId, Map<String, ?> data,
                       Instant at) {
        if (userId == null || type == null || type.isBlank() || type.length() > 50) {
            throw new IllegalArgumentException("An event needs a user and a type of at most 50 characters");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO analytics_events "
                     + "(user_id, event_type, entity_type, entity_id, data, occurred_at) VALUES (?, ?, ?, ?, ?::jsonb, ?)")) {
            st.setString(1, userId);
            st.setString(2, type);
            st.setString(3, entityType);
            st.setString(4, entityId == null ? null : entityId.toString());
            st.setString(5, json.writeValueAsString(data == null ? Map.of() : data));
            st.setObject(6, at.atOffset(ZoneOffset.UTC));
            st.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not record analytics event " + type, e);
        }
    }
}
