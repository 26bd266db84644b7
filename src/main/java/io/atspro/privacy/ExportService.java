package io.atspro.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.ConflictException;
import io.atspro.storage.ObjectStorage;
import io.atspro.task.TaskQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Data portability: a user's export is a background task that writes one zip to S3, fetched by a presigned link. */
@ApplicationScoped
public class ExportService {

    static final String TASK_TYPE = "user_export";

    /** An export's state; {@code download_url} only while it is completed and unexpired. */
    public record ExportView(UUID id, String status, UUID taskId, Long sizeBytes, Integer tables, Integer files,
            String errorMessage, Instant createdAt, Instant completedAt, Instant expiresAt, URI downloadUrl) {
    }

    private final DataSource dataSource;
    private final TaskQueue tasks;
    private final ObjectStorage storage;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;

    ExportService(DataSource dataSource, TaskQueue tasks, ObjectStorage storage, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "atspro.privacy.export-ttl", defaultValue = "7D") Duration ttl) {
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.storage = storage;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Starts an export (202); 409 while one is pending. */
    @Transactional
    public ExportView start(String userId) {
        if (latest(userId).filter(e -> e.status().equals("pending")).isPresent()) {
            throw new ConflictException("An export of your data is already being prepared");
        }
        UUID id = UUID.randomUUID();
        UUID taskId = tasks.submit(userId, TASK_TYPE, json.createObjectNode().put("export_id", id.toString()));
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO data_exports (id, user_id, task_id, created_at) VALUES (?, ?, ?, ?)")) {
            st.setObject(1, id);
            st.setString(2, userId);
            st.setObject(3, taskId);
            st.setTimestamp(4, Timestamp.from(clock.instant()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the export", e);
        }
        return latest(userId).orElseThrow();
    }

    /** The user's newest export, with a 5-minute download link when it is ready. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExportView> latest(String userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT id, status, task_id, size_bytes, tables, files, error_message, created_at, completed_at,
                       expires_at, object_key
                FROM data_exports WHERE user_id = ? ORDER BY created_at DESC LIMIT 1""")) {
            st.setString(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant expires = instant(rs.getTimestamp(10));
                String status = rs.getString(2);
                if (status.equals("completed") && expires != null && !expires.isAfter(clock.instant())) {
                    status = "expired";
                }
                URI link = status.equals("completed")
                        ? storage.presignedDownload(rs.getString(11), "atspro-export.zip", Duration.ofMinutes(5)) : null;
                return Optional.of(new ExportView(rs.getObject(1, UUID.class), status, rs.getObject(3, UUID.class),
                        (Long) rs.getObject(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7),
                        instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), expires, link));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the export", e);
        }
    }

    @Transactional
    void completed(UUID exportId, String key, long size, int tables, int files) {
        Instant now = clock.instant();
        update("UPDATE data_exports SET status = 'completed', object_key = ?, size_bytes = ?, tables = ?, files = ?, "
                + "completed_at = ?, expires_at = ? WHERE id = ?", key, size, tables, files, Timestamp.from(now),
                Timestamp.from(now.plus(ttl)), exportId);
    }

    @Transactional
    void failed(UUID exportId, String message) {
        update("UPDATE data_exports SET status = 'failed', error_message = ?, completed_at = ? WHERE id = ?",
                message, Timestamp.from(clock.instant()), exportId);
    }

    /** Deletes the zips of expired exports (the rows stay, marked expired). */
    @Transactional
    public int expire(Instant now) {
        int n = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE data_exports SET status = 'expired' WHERE status = 'completed' AND expires_at <= ? "
                        + "RETURNING object_key")) {
            st.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    storage.deleteQuietly(rs.getString(1));
                    n++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not expire exports", e);
        }
        return n;
    }

    /** Which of these S3 keys are the zips of completed, unexpired exports (the orphan sweep keeps them). */
    java.util.Set<String> referencedKeys(java.util.Collection<String> keys) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT object_key FROM data_exports WHERE object_key = ANY(?) AND status = 'completed'")) {
            st.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read export keys", e);
        }
    }

    /** The export's owner, or empty when it is gone. */
    Optional<String> owner(UUID exportId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT user_id FROM data_exports WHERE id = ? AND status = 'pending'")) {
            st.setObject(1, exportId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the export", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the export", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
