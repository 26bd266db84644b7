package io.atspro.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboards in SQL, one statement each, on a caller's connection (the service and the benchmark run the same
 * statements). Every statement filters by the user first, so each reads only that user's rows through the
 * {@code (user_id, ...)} indexes of applications and status history.
 *
 * <p>"Reached an interview" and "got an offer" come from the status history, so an application rejected after
 * its interview still counts as interviewed; its current status counts too (rows imported without history).
 */
public final class DashboardQueries {

    /** Seed 001's positive responses in this schema's vocabulary. */
    public static final List<String> POSITIVE = List.of("screening", "interviewing", "offered", "accepted");

    /** Every status, in pipeline order. */
    public static final List<String> STATUSES = List.of("saved", "pending", "in_progress", "failed", "applied",
            "screening", "interviewing", "offered", "accepted", "rejected", "withdrawn");

    private static final String RESPONDED = "(a.response_date IS NOT NULL OR a.status = 'rejected')";

    /** Per application of the user: whether its history ever reached interviewing / offered. */
    private static final String REACHED = """
            reached AS (
                SELECT application_id,
                       bool_or(to_status IN ('interviewing', 'offered', 'accepted')) AS interviewed,
                       bool_or(to_status IN ('offered', 'accepted')) AS offered
                FROM application_status_history
                WHERE user_id = ?
                GROUP BY application_id)
            """;
    private static final String INTERVIEWED =
            "(coalesce(r.interviewed, false) OR a.status IN ('interviewing', 'offered', 'accepted'))";
    private static final String OFFERED = "(coalesce(r.offered, false) OR a.status IN ('offered', 'accepted'))";

    public DashboardViews.Pipeline pipeline(Connection c, String userId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        long total = 0;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT status, count(*) FROM applications WHERE user_id = ? GROUP BY status")) {
            st.setString(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
        }
        return new DashboardViews.Pipeline(total, counts);
    }

    /**
     * Seed 001's weekly query (applications by {@code date_trunc('week', created_at)}, and those among them in a
     * positive status) over the {@code weeks} weeks up to the one holding {@code today}, in UTC, newest first.
     */
    public DashboardViews.Weekly weekly(Connection c, String userId, int weeks, LocalDate today) throws SQLException {
        LocalDate current = today.with(DayOfWeek.MONDAY);
        LocalDate first = current.minusWeeks(weeks - 1L);
        Map<LocalDate, long[]> found = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date AS week,
                       count(*),
                       count(*) FILTER (WHERE status IN ('screening', 'interviewing', 'offered', 'accepted'))
                FROM applications
                WHERE user_id = ? AND created_at >= ? AND created_at < ?
                GROUP BY 1""")) {
            st.setString(1, userId);
            st.setObject(2, utc(first));
            st.setObject(3, utc(current.plusWeeks(1)));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        List<DashboardViews.Week> items = new ArrayList<>(weeks);
        for (LocalDate week = current; !week.isBefore(first); week = week.minusWeeks(1)) {
            long[] n = found.getOrDefault(week, new long[2]);
            items.add(new DashboardViews.Week(week, n[0], n[1]));
        }
        return new DashboardViews.Weekly(weeks, POSITIVE, items);
    }

    /** Seed 003's dashboard query, over the applications submitted on or after {@code since} (null: all). */
    public DashboardViews.ResponseRate responseRate(Connection c, String userId, LocalDate since) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("WITH " + REACHED + """
                SELECT count(*),
                       count(*) FILTER (WHERE %s),
                       count(*) FILTER (WHERE %s),
                       count(*) FILTER (WHERE %s),
                       avg(extract(epoch FROM (a.response_date - a.applied_at)) / 86400)
                           FILTER (WHERE a.response_date >= a.applied_at)
                FROM applications a LEFT JOIN reached r ON r.application_id = a.id
                WHERE a.user_id = ? AND a.applied_at IS NOT NULL AND a.applied_at >= ?""".formatted(
                RESPONDED, INTERVIEWED, OFFERED))) {
            st.setString(1, userId);
            st.setString(2, userId);
            st.setObject(3, since == null ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : utc(since));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long applied = rs.getLong(1);
                long responded = rs.getLong(2);
                long interviews = rs.getLong(3);
                double avg = rs.getDouble(5);
                Double avgDays = rs.wasNull() ? null : round(avg, 2);
                return new DashboardViews.ResponseRate(since, applied, responded, interviews, rs.getLong(4),
                        ratio(responded, applied), ratio(interviews, applied), avgDays);
            }
        }
    }

    /**
     * Outcomes by where the job came from: the catalog board of the posting applied to, else how the tracked job
     * was added (url, document, manual, catalog), else {@code direct} (company and title typed in).
     */
    public DashboardViews.Outcomes bySource(Connection c, String userId) throws SQLException {
        return outcomes(c, userId, "coalesce(p.source_platform, j.source_type, 'direct')", """
                LEFT JOIN jobs j ON j.id = a.job_id
                LEFT JOIN job_postings p ON p.id = a.posting_id""", Integer.MAX_VALUE);
    }

    /** Outcomes by company (names compared without case), most applications first. */
    public DashboardViews.Outcomes byCompany(Connection c, String userId, int limit) throws SQLException {
        return outcomes(c, userId, "min(a.company_name)", "", limit);
    }

    private DashboardViews.Outcomes outcomes(Connection c, String userId, String key, String joins, int limit)
            throws SQLException {
        boolean byCompany = joins.isEmpty();
        String group = byCompany ? "lower(a.company_name)" : "1";
        try (PreparedStatement st = c.prepareStatement("WITH " + REACHED + """
                SELECT %s AS key,
                       count(*) AS applications,
                       count(*) FILTER (WHERE a.applied_at IS NOT NULL),
                       count(*) FILTER (WHERE a.applied_at IS NOT NULL AND %s),
                       count(*) FILTER (WHERE %s),
                       count(*) FILTER (WHERE %s)
                FROM applications a LEFT JOIN reached r ON r.application_id = a.id
                %s
                WHERE a.user_id = ?
                GROUP BY %s
                ORDER BY applications DESC, key
                LIMIT ?""".formatted(key, RESPONDED, INTERVIEWED, OFFERED, joins, group))) {
            st.setString(1, userId);
            st.setString(2, userId);
            st.setInt(3, limit);
            List<DashboardViews.Outcome> items = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long applied = rs.getLong(3);
                    long responded = rs.getLong(4);
                    items.add(new DashboardViews.Outcome(rs.getString(1), rs.getLong(2), applied, responded,
                            rs.getLong(5), rs.getLong(6), ratio(responded, applied)));
                }
            }
            return new DashboardViews.Outcomes(items);
        }
    }

    /** Outcomes per resume used, the resumes that led to the most interviews first. */
    public DashboardViews.ResumeOutcomes resumeVersions(Connection c, String userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("WITH " + REACHED + """
                SELECT a.resume_id, min(res.title), min(res.version), bool_or(res.is_active),
                       count(*),
                       count(*) FILTER (WHERE a.applied_at IS NOT NULL),
                       count(*) FILTER (WHERE %s) AS interviews,
                       count(*) FILTER (WHERE %s)
                FROM applications a LEFT JOIN reached r ON r.application_id = a.id
                LEFT JOIN resumes res ON res.id = a.resume_id
                WHERE a.user_id = ?
                GROUP BY a.resume_id
                ORDER BY interviews DESC, count(*) DESC, a.resume_id NULLS LAST""".formatted(INTERVIEWED, OFFERED))) {
            st.setString(1, userId);
            st.setString(2, userId);
            List<DashboardViews.ResumeOutcome> items = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long applied = rs.getLong(6);
                    long interviews = rs.getLong(7);
                    int version = rs.getInt(3);
                    Integer v = rs.wasNull() ? null : version;
                    boolean active = rs.getBoolean(4);
                    Boolean a = rs.wasNull() ? null : active;
                    items.add(new DashboardViews.ResumeOutcome(rs.getObject(1, UUID.class), rs.getString(2), v, a,
                            rs.getLong(5), applied, interviews, rs.getLong(8), ratio(interviews, applied)));
                }
            }
            return new DashboardViews.ResumeOutcomes(items);
        }
    }

    private static OffsetDateTime utc(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
