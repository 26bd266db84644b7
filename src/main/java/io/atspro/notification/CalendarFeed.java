package io.atspro.notification;

import io.atspro.application.ApplicationDates;
import io.atspro.posting.CatalogService;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A secret iCalendar (RFC 5545) feed per user: interviews, follow-ups and application deadlines, readable by
 * calendar apps without a bearer token. Only the token's SHA-256 is stored; rotating replaces it, revoking
 * deletes it.
 */
@ApplicationScoped
public class CalendarFeed {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The feed's state; {@code token} is only ever given when it is created or rotated. */
    public record FeedView(boolean active, Instant createdAt, Instant rotatedAt, String token) {
    }

    private final DataSource dataSource;
    private final ApplicationDates dates;
    private final CatalogService catalog;
    private final Clock clock;

    CalendarFeed(DataSource dataSource, ApplicationDates dates, CatalogService catalog, Clock clock) {
        this.dataSource = dataSource;
        this.dates = dates;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Creates the feed, or replaces its token (the old URL stops working). */
    @Transactional
    public FeedView rotate(String userId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO calendar_feeds (user_id, token_hash, created_at, rotated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, rotated_at = excluded.rotated_at
                RETURNING created_at, rotated_at""")) {
            st.setString(1, userId);
            st.setString(2, hash(token));
            st.setTimestamp(3, Timestamp.from(now));
            st.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new FeedView(true, rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), token);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the calendar feed", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedView get(String userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT created_at, rotated_at FROM calendar_feeds WHERE user_id = ?")) {
            st.setString(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new FeedView(true, rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), null)
                        : new FeedView(false, null, null, null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the calendar feed", e);
        }
    }

    @Transactional
    public void revoke(String userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM calendar_feeds WHERE user_id = ?")) {
            st.setString(1, userId);
            if (st.executeUpdate() == 0) {
                throw new ResourceNotFoundException("Calendar feed");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not revoke the calendar feed", e);
        }
    }

    /** The calendar of the feed with this token; empty for an unknown or revoked token. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> calendar(String token) {
        Optional<String> userId = owner(token);
        return userId.map(this::render);
    }

    private Optional<String> owner(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT user_id FROM calendar_feeds WHERE token_hash = ?")) {
            st.setString(1, hash(token));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the calendar feed", e);
        }
    }

    private String render(String userId) {
        String stamp = UTC_STAMP.format(clock.instant());
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//ATSPro//Job search calendar//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:ATSPro");
        for (ApplicationDates.Due due : dates.ofUser(userId)) {
            if (due.at() != null) {
                event(ics, "interview-" + due.applicationId() + "-" + due.at().getEpochSecond(), stamp,
                        "DTSTART:" + UTC_STAMP.format(due.at()), "DTEND:" + UTC_STAMP.format(due.at().plusSeconds(3600)),
                        "Interview: " + due.jobTitle() + " at " + due.companyName(), due.applicationId());
            } else {
                allDay(ics, "follow-up-" + due.applicationId(), stamp, due.date(),
                        "Follow up: " + due.jobTitle() + " at " + due.companyName(), due.applicationId());
            }
        }
        List<ApplicationDates.Due> saved = dates.savedWithPostings(userId);
        Map<UUID, LocalDate> deadlines = catalog.expiresDates(saved.stream().map(ApplicationDates.Due::postingId)
                .collect(Collectors.toSet()));
        for (ApplicationDates.Due due : saved) {
            LocalDate deadline = deadlines.get(due.postingId());
            if (deadline != null) {
                allDay(ics, "deadline-" + due.applicationId(), stamp, deadline,
                        "Apply by today: " + due.jobTitle() + " at " + due.companyName(), due.applicationId());
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static void allDay(StringBuilder ics, String uid, String stamp, LocalDate day, String summary,
            UUID applicationId) {
        event(ics, uid, stamp, "DTSTART;VALUE=DATE:" + DAY.format(day),
                "DTEND;VALUE=DATE:" + DAY.format(day.plusDays(1)), summary, applicationId);
    }

    private static void event(StringBuilder ics, String uid, String stamp, String start, String end, String summary,
            UUID applicationId) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid + "@atspro");
        line(ics, "DTSTAMP:" + stamp);
        line(ics, start);
        line(ics, end);
        line(ics, "SUMMARY:" + escape(summary));
        line(ics, "DESCRIPTION:" + escape("Application " + applicationId));
        line(ics, "END:VEVENT");
    }

    /** RFC 5545 text escaping. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets, CRLF-terminated (RFC 5545 3.1). */
    static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int max = first ? 75 : 74;
            int end = Math.min(bytes.length, start + max);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 character
            }
            if (!first) {
                ics.append(' ');
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            ics.append("\r\n");
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
