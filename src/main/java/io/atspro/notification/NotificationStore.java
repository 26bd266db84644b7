package io.atspro.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The notifications table, in SQL: inserts are idempotent per dedup key, deliveries are claimed once. */
@ApplicationScoped
class NotificationStore {

    private static final String COLUMNS = "id, seq, type, priority, title, message, is_read, read_at, data::text, "
            + "action_url, expires_at, created_at, deliver_at, user_id";
    /** Shown: delivered (its quiet hours are over) and not expired. */
    private static final String VISIBLE = " AND deliver_at <= ? AND (expires_at IS NULL OR expires_at > ?)";

    /** A stored notification and its owner. */
    record Stored(String userId, NotificationView view) {
    }

    /** A page of a user's notifications. */
    record Listing(List<NotificationView> items, long total, long unread) {
    }

    private final DataSource dataSource;
    private final ObjectMapper json;

    NotificationStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Empty when the user already has a notification with this dedup key. */
    Optional<NotificationView> insert(NewNotification n, Instant now, Instant deliverAt, Instant deliveredAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO notifications (user_id, type, priority, title, message, data, action_url, expires_at, "
                        + "deliver_at, delivered_at, dedup_key, created_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, dedup_key) DO NOTHING RETURNING " + COLUMNS)) {
            st.setString(1, n.userId());
            st.setString(2, n.type().code());
            st.setString(3, n.priority());
            st.setString(4, n.title().length() > 200 ? n.title().substring(0, 199) + "…" : n.title());
            st.setString(5, n.message());
            st.setString(6, n.data() == null ? "{}" : json.writeValueAsString(n.data()));
            st.setString(7, n.actionUrl());
            st.setTimestamp(8, n.expiresAt() == null ? null : Timestamp.from(n.expiresAt()));
            st.setTimestamp(9, Timestamp.from(deliverAt));
            st.setTimestamp(10, deliveredAt == null ? null : Timestamp.from(deliveredAt));
            st.setString(11, n.dedupKey());
            st.setTimestamp(12, Timestamp.from(now));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs).view()) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store a notification", e);
        }
    }

    Listing list(String userId, boolean unreadOnly, String type, int page, int size, Instant now) {
        String filter = " WHERE user_id = ?" + VISIBLE + (unreadOnly ? " AND NOT is_read" : "")
                + (type != null ? " AND type = ?" : "");
        try (Connection c = dataSource.getConnection()) {
            List<NotificationView> items = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM notifications" + filter
                    + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                int i = bindFilter(st, userId, type, now);
                st.setInt(i++, size);
                st.setLong(i, (long) page * size);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs).view());
                    }
                }
            }
            long total;
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM notifications" + filter)) {
                bindFilter(st, userId, type, now);
                total = single(st);
            }
            return new Listing(items, total, unread(c, userId, now));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list notifications", e);
        }
    }

    long unread(String userId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return unread(c, userId, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count notifications", e);
        }
    }

    private static long unread(Connection c, String userId, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM notifications WHERE user_id = ? AND NOT is_read" + VISIBLE)) {
            bindFilter(st, userId, null, now);
            return single(st);
        }
    }

    private static int bindFilter(PreparedStatement st, String userId, String type, Instant now) throws SQLException {
        int i = 1;
        st.setString(i++, userId);
        st.setTimestamp(i++, Timestamp.from(now));
        st.setTimestamp(i++, Timestamp.from(now));
        if (type != null) {
            st.setString(i++, type);
        }
        return i;
    }

    private static long single(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Marks one read (keeping the first read time); empty when it is not the user's or not shown yet. */
    Optional<NotificationView> markRead(String userId, UUID id, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE notifications SET is_read = true, read_at = coalesce(read_at, ?) WHERE id = ? AND user_id = ?"
                        + VISIBLE + " RETURNING " + COLUMNS)) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setObject(2, id);
            st.setString(3, userId);
            st.setTimestamp(4, Timestamp.from(now));
            st.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs).view()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark a notification read", e);
        }
    }

    int markAllRead(String userId, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE notifications SET is_read = true, read_at = ? WHERE user_id = ? AND NOT is_read"
                        + " AND deliver_at <= ?")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setString(2, userId);
            st.setTimestamp(3, Timestamp.from(now));
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark notifications read", e);
        }
    }

    boolean delete(String userId, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM notifications WHERE id = ? AND user_id = ?")) {
            st.setObject(1, id);
            st.setString(2, userId);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete a notification", e);
        }
    }

    /** The user's shown notifications after {@code seq}, oldest first: what a reconnecting stream missed. */
    List<NotificationView> after(String userId, long seq, Instant now, int max) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM notifications WHERE user_id = ? AND seq > ?" + VISIBLE
                        + " ORDER BY seq LIMIT ?")) {
            st.setString(1, userId);
            st.setLong(2, seq);
            st.setTimestamp(3, Timestamp.from(now));
            st.setTimestamp(4, Timestamp.from(now));
            st.setInt(5, max);
            List<NotificationView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs).view());
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read missed notifications", e);
        }
    }

    /** Claims the notifications whose quiet hours are over; each is claimed by exactly one caller. */
    List<Stored> claimDue(Instant now, int max) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                UPDATE notifications SET delivered_at = ? WHERE id IN (
                    SELECT id FROM notifications WHERE delivered_at IS NULL AND deliver_at <= ?
                    ORDER BY deliver_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setTimestamp(2, Timestamp.from(now));
            st.setInt(3, max);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due notifications", e);
        }
    }

    private Stored read(ResultSet rs) throws SQLException {
        try {
            Timestamp readAt = rs.getTimestamp(8);
            Timestamp expires = rs.getTimestamp(11);
            return new Stored(rs.getString(14), new NotificationView(rs.getObject(1, UUID.class), rs.getLong(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                    readAt == null ? null : readAt.toInstant(), json.readTree(rs.getString(9)), rs.getString(10),
                    expires == null ? null : expires.toInstant(), rs.getTimestamp(12).toInstant(),
                    rs.getTimestamp(13).toInstant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored notification data is not JSON", e);
        }
    }
}
