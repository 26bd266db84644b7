package io.atspro.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived, single-use tickets that open the caller's notification stream without a bearer token, for browsers
 * whose {@code EventSource} cannot send one. Only a ticket's SHA-256 is stored, in PostgreSQL so that any replica
 * can redeem what another issued; redeeming deletes it, so a ticket that leaks through a log or a history after
 * use opens nothing.
 */
@ApplicationScoped
class StreamTickets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes, base64url without padding. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A ticket as issued: the only time it is seen. */
    record Issued(String ticket, Instant expiresAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lifetime;

    StreamTickets(DataSource dataSource, Clock clock,
                  @ConfigProperty(name = "atspro.notifications.stream-ticket-lifetime") Duration lifetime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Issued issue(String userId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM notification_stream_tickets WHERE user_id = ? AND expires_at <= ?")) {
                st.setString(1, userId);
                st.setTimestamp(2, Timestamp.from(now));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notification_stream_tickets "
                    + "(ticket_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)")) {
                st.setBytes(1, hash(ticket));
                st.setString(2, userId);
                st.setTimestamp(3, Timestamp.from(expiresAt));
                st.setTimestamp(4, Timestamp.from(now));
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a stream ticket", e);
        }
        return new Issued(ticket, expiresAt);
    }

    /** The ticket's user, once: the ticket is gone afterwards; empty when unknown, used or expired. */
    Optional<String> redeem(String ticket) {
        if (ticket == null || !SHAPE.matcher(ticket).matches()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM notification_stream_tickets WHERE ticket_hash = ? RETURNING user_id, expires_at")) {
            st.setBytes(1, hash(ticket));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || !rs.getTimestamp(2).toInstant().isAfter(clock.instant())) {
                    return Optional.empty();
                }
                return Optional.of(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not redeem a stream ticket", e);
        }
    }

    private static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
