package io.atspro.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The dates of applications other features act on: follow-ups and interviews coming due (reminders, briefings,
 * the calendar feed), and saved applications whose posting is about to close (deadlines). Final applications
 * (accepted, rejected, withdrawn) have nothing due.
 */
@ApplicationScoped
public class ApplicationDates {

    private static final String OPEN = " status NOT IN ('accepted', 'rejected', 'withdrawn')";

    /** An application and one of its dates. */
    public record Due(UUID applicationId, String userId, String companyName, String jobTitle, String status,
            LocalDate date, Instant at, UUID postingId) {
    }

    private final DataSource dataSource;

    ApplicationDates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Open applications with a follow-up date in [from, to]. */
    public List<Due> followUps(LocalDate from, LocalDate to) {
        return query("SELECT id, user_id, company_name, job_title, status, follow_up_date, NULL::timestamptz, posting_id "
                + "FROM applications WHERE follow_up_date BETWEEN ? AND ? AND" + OPEN, st -> {
                    st.setObject(1, from);
                    st.setObject(2, to);
                });
    }

    /** Interviews of open applications in [from, to). */
    public List<Due> interviews(Instant from, Instant to) {
        return query("SELECT a.id, a.user_id, a.company_name, a.job_title, a.status, NULL::date, i.at, a.posting_id "
                + "FROM applications a CROSS JOIN LATERAL unnest(a.interview_dates) AS i(at) "
                + "WHERE i.at >= ? AND i.at < ? AND" + OPEN.replace(" status", " a.status"), st -> {
                    st.setTimestamp(1, Timestamp.from(from));
                    st.setTimestamp(2, Timestamp.from(to));
                });
    }

    /** Saved (not yet applied) applications for these catalog postings. */
    public List<Due> savedFor(List<UUID> postingIds) {
        if (postingIds.isEmpty()) {
            return List.of();
        }
        return query("SELECT id, user_id, company_name, job_title, status, NULL::date, NULL::timestamptz, posting_id "
                + "FROM applications WHERE status = 'saved' AND posting_id = ANY(?)", (c, st) -> {
                    st.setArray(1, c.createArrayOf("uuid", postingIds.toArray()));
                });
    }

    /** Every follow-up and interview of one user's open applications (the calendar feed). */
    public List<Due> ofUser(String userId) {
        List<Due> out = new ArrayList<>(query("SELECT id, user_id, company_name, job_title, status, follow_up_date, "
                + "NULL::timestamptz, posting_id FROM applications WHERE user_id = ? AND follow_up_date IS NOT NULL "
                + "AND" + OPEN, st -> st.setString(1, userId)));
        out.addAll(query("SELECT a.id, a.user_id, a.company_name, a.job_title, a.status, NULL::date, i.at, "
                + "a.posting_id FROM applications a CROSS JOIN LATERAL unnest(a.interview_dates) AS i(at) "
                + "WHERE a.user_id = ? AND" + OPEN.replace(" status", " a.status"), st -> st.setString(1, userId)));
        return out;
    }

    /** The user's open saved applications linked to catalog postings: (application, posting). */
    public List<Due> savedWithPostings(String userId) {
        return query("SELECT id, user_id, company_name, job_title, status, NULL::date, NULL::timestamptz, posting_id "
                + "FROM applications WHERE user_id = ? AND status = 'saved' AND posting_id IS NOT NULL",
                st -> st.setString(1, userId));
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private interface ConnectionBinder {
        void bind(Connection c, PreparedStatement st) throws SQLException;
    }

    private List<Due> query(String sql, Binder binder) {
        return query(sql, (c, st) -> binder.bind(st));
    }

    private List<Due> query(String sql, ConnectionBinder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(c, st);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate date = rs.getObject(6, LocalDate.class);
                    Timestamp at = rs.getTimestamp(7);
                    out.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), date,
                            at == null ? null : at.toInstant(), rs.getObject(8, UUID.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read application dates", e);
        }
    }
}
