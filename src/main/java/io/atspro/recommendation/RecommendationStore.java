package io.atspro.recommendation;

import io.atspro.embedding.Embedder;
import io.atspro.embedding.Vectors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** The user side in SQL: users' vectors, dismissed postings, muted companies and titles. */
final class RecommendationStore {

    /** A muted company or title. */
    record Mute(UUID id, String kind, String value, Instant createdAt) {
    }

    private final DataSource dataSource;

    RecommendationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored vector of the user when it was made from text of this hash by the current model. */
    Optional<float[]> userVector(String userId, String sourceHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT scale, vector FROM user_embeddings WHERE user_id = ? AND source_hash = ? AND model = ?")) {
            st.setString(1, userId);
            st.setString(2, sourceHash);
            st.setString(3, Embedder.MODEL);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Vectors.dequantize(rs.getBytes(2), rs.getFloat(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the vector of " + userId, e);
        }
    }

    void storeUserVector(String userId, String sourceHash, float[] vector, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO user_embeddings (user_id, source_hash, model, scale, vector, updated_at)
                SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM "user" WHERE id = ?)
                ON CONFLICT (user_id) DO UPDATE SET source_hash = excluded.source_hash, model = excluded.model,
                    scale = excluded.scale, vector = excluded.vector, updated_at = excluded.updated_at""")) {
            st.setString(1, userId);
            st.setString(2, sourceHash);
            st.setString(3, Embedder.MODEL);
            st.setFloat(4, Vectors.scale(vector));
            st.setBytes(5, Vectors.quantize(vector));
            st.setTimestamp(6, Timestamp.from(now));
            st.setString(7, userId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the vector of " + userId, e);
        }
    }

    Set<UUID> dismissed(String userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT posting_id FROM recommendation_dismissals WHERE user_id = ?")) {
            st.setString(1, userId);
            Set<UUID> out = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the dismissals of " + userId, e);
        }
    }

    /** False when the posting was dismissed already. */
    boolean dismiss(Connection c, String userId, UUID postingId, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO recommendation_dismissals "
                + "(user_id, posting_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            st.setString(1, userId);
            st.setObject(2, postingId);
            st.setTimestamp(3, Timestamp.from(now));
            return st.executeUpdate() == 1;
        }
    }

    /** False when the posting was not dismissed. */
    boolean undismiss(String userId, UUID postingId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM recommendation_dismissals WHERE user_id = ? AND posting_id = ?")) {
            st.setString(1, userId);
            st.setObject(2, postingId);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not undo a dismissal of " + userId, e);
        }
    }

    List<Mute> mutes(String userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id, kind, value, created_at FROM recommendation_mutes WHERE user_id = ? "
                        + "ORDER BY created_at, id LIMIT 500")) {
            st.setString(1, userId);
            List<Mute> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Mute(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the mutes of " + userId, e);
        }
    }

    long muteCount(Connection c, String userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM recommendation_mutes WHERE user_id = ?")) {
            st.setString(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The new mute, or empty when the same one exists already (case-insensitive). */
    Optional<Mute> mute(Connection c, String userId, String kind, String value, Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO recommendation_mutes "
                + "(id, user_id, kind, value, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            st.setObject(1, id);
            st.setString(2, userId);
            st.setString(3, kind);
            st.setString(4, value);
            st.setTimestamp(5, Timestamp.from(now));
            return st.executeUpdate() == 1 ? Optional.of(new Mute(id, kind, value, now)) : Optional.empty();
        }
    }

    boolean unmute(String userId, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM recommendation_mutes WHERE user_id = ? AND id = ?")) {
            st.setString(1, userId);
            st.setObject(2, id);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove a mute of " + userId, e);
        }
    }
}
