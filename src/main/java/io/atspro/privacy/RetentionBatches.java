package io.atspro.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * One batch of each retention rule, each in its own short transaction: at most {@code limit} rows, taken with
 * {@code FOR UPDATE SKIP LOCKED} so a batch never waits on rows the service is using and never holds locks long.
 * Retention is housekeeping across the features' tables, done here in SQL rather than through each feature's
 * service (the tables are the contract: see ARCHITECTURE.md's data model).
 */
@ApplicationScoped
class RetentionBatches {

    /** The columns of tasks, copied as they are into tasks_archive. */
    private static final String TASK_COLUMNS = "id, user_id, task_type, status, priority, progress, payload, result_data,"
            + " error_message, retry_count, max_retries, scheduled_at, started_at, completed_at, locked_until, locked_by,"
            + " expires_at, created_at, updated_at";

    private final DataSource dataSource;

    RetentionBatches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inactive postings closed (or last seen) before {@code cutoff} that no application or tracked job points at. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteOldPostings(Instant cutoff, int limit) {
        return update("""
                DELETE FROM job_postings WHERE id IN (
                    SELECT p.id FROM job_postings p
                    WHERE NOT p.is_active AND coalesce(p.closed_at, p.last_seen_at) < ?
                      AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.posting_id = p.id)
                      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.posting_id = p.id)
                    LIMIT ? FOR UPDATE OF p SKIP LOCKED)""", at(cutoff), limit);
    }

    /** Browser sessions that have expired by {@code now}, or were not used since {@code idleCutoff}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteBrowserSessions(Instant now, Instant idleCutoff, int limit) {
        return update("""
                DELETE FROM browser_sessions WHERE id IN (
                    SELECT id FROM browser_sessions WHERE expires_at <= ? OR coalesce(last_used_at, created_at) < ?
                    LIMIT ? FOR UPDATE SKIP LOCKED)""", at(now), at(idleCutoff), limit);
    }

    /** Completed tasks finished before {@code cutoff} move to tasks_archive: deleted and inserted in one statement. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int archiveCompletedTasks(Instant cutoff, Instant now, int limit) {
        return update("WITH moved AS (DELETE FROM tasks WHERE id IN ("
                + " SELECT id FROM tasks WHERE status = 'completed' AND completed_at < ?"
                + " ORDER BY completed_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + TASK_COLUMNS + ")"
                + " INSERT INTO tasks_archive (" + TASK_COLUMNS + ", archived_at) SELECT " + TASK_COLUMNS + ", ? FROM moved",
                at(cutoff), limit, at(now));
    }

    /** Finished tasks whose expiry (7 days after they finished, by default) is before {@code now}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteExpiredTasks(Instant now, int limit) {
        return update("""
                DELETE FROM tasks WHERE id IN (
                    SELECT id FROM tasks WHERE expires_at < ? AND status IN ('completed', 'failed', 'cancelled')
                    LIMIT ? FOR UPDATE SKIP LOCKED)""", at(now), limit);
    }

    /** Notifications whose expiry is before {@code now}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteExpiredNotifications(Instant now, int limit) {
        return update("""
                DELETE FROM notifications WHERE id IN (
                    SELECT id FROM notifications WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""", at(now), limit);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private int update(String sql, Object... params) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                update.setObject(i + 1, params[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A retention batch failed", e);
        }
    }
}
