package io.atspro.analytics;

import io.atspro.shared.ClusterLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The periodic analytics jobs. Each runs in one transaction holding its {@link ClusterLock}: with many replicas
 * (or a CronJob calling the admin endpoint meanwhile) one runs and the others get an empty answer.
 */
@ApplicationScoped
public class AnalyticsJobs {

    /** Minutes an automated application saves over applying by hand; used for time_saved_minutes. */
    static final int MINUTES_PER_AUTOMATED_APPLICATION = 20;
    /** Minutes a generated cover letter or tailored resume saves over writing it. */
    static final int MINUTES_PER_GENERATED_DOCUMENT = 30;

    public record PartitionsRun(List<String> created) {
    }

    public record RollupRun(LocalDate date, int users) {
    }

    public record RefreshRun(Instant refreshedAt, long users) {
    }

    @Schema(name = "PlatformOverview")
    public record Overview(Instant refreshedAt, long users, long totalApplications, long submitted, long applied,
                           long screening, long interviewing, long offered, long accepted, long rejected,
                           long responded, Double responseRate, List<UserStats> topUsers) {
    }

    public record UserStats(String userId, long totalApplications, long submitted, long interviewing, long offered,
                            long accepted, long rejected, Instant lastAppliedAt) {
    }

    private final DataSource dataSource;
    private final AnalyticsConfig config;
    private final Clock clock;

    AnalyticsJobs(DataSource dataSource, AnalyticsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Creates the missing monthly partitions up to {@code partitions-ahead} months on; empty when locked elsewhere. */
    @Transactional
    public Optional<PartitionsRun> ensurePartitions() {
        try (Connection c = dataSource.getConnection()) {
            if (!ClusterLock.tryLock(c, "analytics.partitions")) {
                return Optional.empty();
            }
            List<String> created = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM analytics_ensure_partitions(?)")) {
                st.setInt(1, config.partitionsAhead());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        created.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new PartitionsRun(created));
        } catch (SQLException e) {
            throw new IllegalStateException("Creating analytics partitions failed: " + e.getMessage(), e);
        }
    }

    /** Yesterday in UTC: what the scheduled rollup rolls up. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Rolls one UTC day into {@code user_analytics}: a row for every user who did anything that day (applied,
     * tracked a job, generated a document, moved an application, or any recorded event). Running it again for the
     * same day rewrites the same rows (upsert), so a re-run or a late run is harmless.
     */
    @Transactional
    public Optional<RollupRun> rollup(LocalDate date) {
        try (Connection c = dataSource.getConnection()) {
            if (!ClusterLock.tryLock(c, "analytics.rollup")) {
                return Optional.empty();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    WITH day AS (SELECT ?::timestamptz AS lo, ?::timestamptz AS hi, ?::date AS d),
                    submitted AS (
                        SELECT user_id, count(*) AS n, count(*) FILTER (WHERE application_method = 'automated') AS automated
                        FROM applications, day WHERE applied_at >= day.lo AND applied_at < day.hi GROUP BY user_id),
                    discovered AS (
                        SELECT user_id, count(*) AS n
                        FROM jobs, day WHERE created_at >= day.lo AND created_at < day.hi GROUP BY user_id),
                    generated AS (
                        SELECT user_id, count(*) FILTER (WHERE content_type = 'tailored_resume') AS resumes,
                               count(*) FILTER (WHERE content_type = 'cover_letter') AS letters
                        FROM generated_content, day WHERE created_at >= day.lo AND created_at < day.hi GROUP BY user_id),
                    moves AS (
                        SELECT user_id, count(*) FILTER (WHERE to_status = 'interviewing') AS interviews,
                               count(*) FILTER (WHERE to_status = 'offered') AS offers
                        FROM application_status_history, day
                        WHERE created_at >= day.lo AND created_at < day.hi GROUP BY user_id),
                    events AS (
                        SELECT DISTINCT user_id FROM analytics_events, day
                        WHERE occurred_at >= day.lo AND occurred_at < day.hi),
                    active AS (
                        SELECT user_id FROM submitted UNION SELECT user_id FROM discovered
                        UNION SELECT user_id FROM generated UNION SELECT user_id FROM moves UNION SELECT user_id FROM events),
                    rate AS (
                        SELECT a.user_id,
                               count(*) FILTER (WHERE a.response_date IS NOT NULL OR a.status = 'rejected')::numeric
                                   / count(*) AS r
                        FROM applications a JOIN active USING (user_id), day
                        WHERE a.applied_at >= day.hi - interval '30 days' AND a.applied_at < day.hi
                        GROUP BY a.user_id)
                    INSERT INTO user_analytics AS ua (user_id, metric_date, applications_submitted, jobs_discovered,
                        resumes_generated, cover_letters_generated, interviews_scheduled, offers_received,
                        response_rate, time_saved_minutes)
                    SELECT u.user_id, day.d, coalesce(s.n, 0), coalesce(d.n, 0), coalesce(g.resumes, 0),
                           coalesce(g.letters, 0), coalesce(m.interviews, 0), coalesce(m.offers, 0), round(r.r, 4),
                           coalesce(s.automated, 0) * ? + (coalesce(g.resumes, 0) + coalesce(g.letters, 0)) * ?
                    FROM active u
                    CROSS JOIN day
                    JOIN "user" usr ON usr.id = u.user_id
                    LEFT JOIN submitted s ON s.user_id = u.user_id
                    LEFT JOIN discovered d ON d.user_id = u.user_id
                    LEFT JOIN generated g ON g.user_id = u.user_id
                    LEFT JOIN moves m ON m.user_id = u.user_id
                    LEFT JOIN rate r ON r.user_id = u.user_id
                    ON CONFLICT (user_id, metric_date) DO UPDATE SET
                        applications_submitted = EXCLUDED.applications_submitted,
                        jobs_discovered = EXCLUDED.jobs_discovered,
                        resumes_generated = EXCLUDED.resumes_generated,
                        cover_letters_generated = EXCLUDED.cover_letters_generated,
                        interviews_scheduled = EXCLUDED.interviews_scheduled,
                        offers_received = EXCLUDED.offers_received,
                        response_rate = EXCLUDED.response_rate,
                        time_saved_minutes = EXCLUDED.time_saved_minutes,
                        updated_at = now()""")) {
                OffsetDateTime lo = date.atStartOfDay().atOffset(ZoneOffset.UTC);
                st.setObject(1, lo);
                st.setObject(2, lo.plusDays(1));
                st.setObject(3, date);
                st.setInt(4, MINUTES_PER_AUTOMATED_APPLICATION);
                st.setInt(5, MINUTES_PER_GENERATED_DOCUMENT);
                return Optional.of(new RollupRun(date, st.executeUpdate()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Analytics rollup of " + date + " failed: " + e.getMessage(), e);
        }
    }

    /** Refreshes user_application_stats without blocking its readers; empty when another replica is at it. */
    @Transactional
    public Optional<RefreshRun> refreshStats() {
        try (Connection c = dataSource.getConnection()) {
            if (!ClusterLock.tryLock(c, "analytics.refresh-stats")) {
                return Optional.empty();
            }
            try (Statement st = c.createStatement()) {
                st.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY user_application_stats");
                try (ResultSet rs = st.executeQuery("SELECT count(*), max(refreshed_at) FROM user_application_stats")) {
                    rs.next();
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    return Optional.of(new RefreshRun(at == null ? clock.instant() : at.toInstant(), rs.getLong(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Refreshing user_application_stats failed: " + e.getMessage(), e);
        }
    }

    /** Platform-wide figures from user_application_stats (as of its last refresh) and the most active users. */
    public Overview overview(int top) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            Overview totals;
            try (ResultSet rs = st.executeQuery("""
                    SELECT max(refreshed_at), count(*), coalesce(sum(total_applications), 0), coalesce(sum(submitted_count), 0),
                           coalesce(sum(applied_count), 0), coalesce(sum(screening_count), 0),
                           coalesce(sum(interview_count), 0), coalesce(sum(offered_count), 0),
                           coalesce(sum(accepted_count), 0), coalesce(sum(rejected_count), 0),
                           coalesce(sum(responded_count) FILTER (WHERE submitted_count > 0), 0)
                    FROM user_application_stats""")) {
                rs.next();
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                long submitted = rs.getLong(4);
                long responded = rs.getLong(11);
                totals = new Overview(at == null ? null : at.toInstant(), rs.getLong(2), rs.getLong(3), submitted,
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        responded, submitted == 0 ? null : Math.round(10000.0 * responded / submitted) / 10000.0,
                        List.of());
            }
            List<UserStats> users = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT user_id, total_applications, submitted_count, interview_count, offered_count, accepted_count,
                           rejected_count, last_applied_at
                    FROM user_application_stats ORDER BY total_applications DESC, user_id LIMIT ?""")) {
                q.setInt(1, top);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime last = rs.getObject(8, OffsetDateTime.class);
                        users.add(new UserStats(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), last == null ? null : last.toInstant()));
                    }
                }
            }
            return new Overview(totals.refreshedAt(), totals.users(), totals.totalApplications(), totals.submitted(),
                    totals.applied(), totals.screening(), totals.interviewing(), totals.offered(), totals.accepted(),
                    totals.rejected(), totals.responded(), totals.responseRate(), users);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading user_application_stats failed: " + e.getMessage(), e);
        }
    }
}
