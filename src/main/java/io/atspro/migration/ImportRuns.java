package io.atspro.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The import_runs table: one row per import with who ran it, from what, and its summary. */
public final class ImportRuns {

    /** snake_case like every other JSON of ATSPro, for the summary stored and printed by the command. */
    public static final ObjectMapper SUMMARY_JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** Advisory lock key: one import at a time, whichever pod or command runs it. */
    static final long LOCK = 0x61726e676f696d70L;

    private ImportRuns() {
    }

    public static UUID record(Connection c, String runBy, String source, Instant startedAt, Instant finishedAt,
            ImportSummary summary) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO import_runs (run_by, source, started_at, "
                + "finished_at, summary) VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            st.setString(1, runBy);
            st.setString(2, source);
            st.setObject(3, startedAt.atOffset(ZoneOffset.UTC));
            st.setObject(4, finishedAt.atOffset(ZoneOffset.UTC));
            st.setString(5, toJson(summary));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    public static String toJson(ImportSummary summary) {
        try {
            return SUMMARY_JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the session-level import lock, or answers false when another import holds it. */
    static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, LOCK);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void unlock(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            st.setLong(1, LOCK);
            st.execute();
        }
    }
}
