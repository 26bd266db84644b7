package io.atspro.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The durable queue: a task is a row of {@code tasks}. Workers claim due tasks with
 * {@code FOR UPDATE SKIP LOCKED} and a lease; every change of a running task is fenced by the worker
 * that holds it, so a worker that lost its lease cannot complete or fail the task another now runs.
 * Times come from the database clock, the one clock every pod shares.
 */
@ApplicationScoped
public class TaskQueue {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final TaskConfig config;
    private final Event<TaskSubmitted> submitted;

    TaskQueue(DataSource dataSource, ObjectMapper json, TaskConfig config, Event<TaskSubmitted> submitted) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
        this.submitted = submitted;
    }

    /** Adds a task in the caller's transaction: it exists exactly when the caller's work commits. */
    @Transactional
    public UUID submit(String userId, String type, JsonNode payload) {
        return submit(userId, type, payload, 0);
    }

    @Transactional
    public UUID submit(String userId, String type, JsonNode payload, int priority) {
        UUID id = UUID.randomUUID();
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO tasks (id, user_id, task_type, priority, payload, max_retries)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, userId);
            insert.setString(3, type);
            insert.setInt(4, priority);
            insert.setString(5, payload == null ? "{}" : json.writeValueAsString(payload));
            insert.setInt(6, config.maxRetries());
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not submit task " + type, e);
        }
        submitted.fire(new TaskSubmitted(id));
        return id;
    }

    /**
     * Adds a system task of this type unless one is already pending or running (a background job that catches up
     * on everything when it runs: one queued run is enough), at this priority (higher runs first; negative: after
     * the users' own tasks). Returns the new task's id, or null.
     */
    @Transactional
    public UUID submitUnlessOpen(String type, int priority) {
        UUID id = UUID.randomUUID();
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO tasks (id, user_id, task_type, priority, payload, max_retries)
                SELECT ?, NULL, ?, ?, '{}'::jsonb, ?
                WHERE NOT EXISTS (SELECT 1 FROM tasks WHERE task_type = ? AND status IN ('pending', 'running'))""")) {
            insert.setObject(1, id);
            insert.setString(2, type);
            insert.setInt(3, priority);
            insert.setInt(4, config.maxRetries());
            insert.setString(5, type);
            if (insert.executeUpdate() == 0) {
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not submit task " + type, e);
        }
        submitted.fire(new TaskSubmitted(id));
        return id;
    }

    /** Claims up to {@code max} due tasks, and tasks whose worker's lease ran out, for {@code workerId}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<ClaimedTask> claim(String workerId, int max) {
        try (Connection db = dataSource.getConnection(); PreparedStatement claim = db.prepareStatement("""
                UPDATE tasks t SET
                    status = 'running',
                    locked_by = ?,
                    locked_until = now() + make_interval(secs => ?),
                    retry_count = CASE WHEN t.status = 'running' THEN t.retry_count + 1 ELSE t.retry_count END,
                    started_at = COALESCE(t.started_at, now()),
                    updated_at = now()
                FROM (SELECT id FROM tasks
                      WHERE (status = 'pending' AND scheduled_at <= now())
                         OR (status = 'running' AND locked_until < now())
                      ORDER BY priority DESC, scheduled_at
                      LIMIT ? FOR UPDATE SKIP LOCKED) due
                WHERE t.id = due.id
                RETURNING t.id, t.user_id, t.task_type, t.payload::text, t.retry_count, t.max_retries""")) {
            claim.setString(1, workerId);
            claim.setDouble(2, config.lease().toMillis() / 1000.0);
            claim.setInt(3, max);
            List<ClaimedTask> tasks = new ArrayList<>();
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    tasks.add(new ClaimedTask(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            json.readTree(rs.getString(4)), rs.getInt(5) + 1, rs.getInt(6)));
                }
            }
            return tasks;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not claim tasks", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean complete(UUID id, String workerId, JsonNode result) {
        return update("""
                UPDATE tasks SET status = 'completed', progress = 100, result_data = ?::jsonb, error_message = NULL,
                    completed_at = now(), expires_at = now() + make_interval(secs => ?),
                    locked_by = NULL, locked_until = NULL, updated_at = now()
                WHERE id = ? AND locked_by = ? AND status = 'running'""",
                result == null ? null : result.toString(), ttlSeconds(), id, workerId) == 1;
    }

    /** Fails an attempt: retried later with exponential backoff, or failed for good when out of retries. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean fail(UUID id, String workerId, String error, boolean permanent) {
        return update("""
                UPDATE tasks SET
                    status = CASE WHEN ? OR retry_count >= max_retries THEN 'failed' ELSE 'pending' END,
                    scheduled_at = now() + make_interval(secs => ? * power(2, LEAST(retry_count, 16))),
                    retry_count = CASE WHEN ? OR retry_count >= max_retries THEN retry_count ELSE retry_count + 1 END,
                    completed_at = CASE WHEN ? OR retry_count >= max_retries THEN now() END,
                    expires_at = CASE WHEN ? OR retry_count >= max_retries THEN now() + make_interval(secs => ?) END,
                    error_message = ?, locked_by = NULL, locked_until = NULL, updated_at = now()
                WHERE id = ? AND locked_by = ? AND status = 'running'""",
                permanent, config.retryBackoff().toMillis() / 1000.0, permanent, permanent, permanent, ttlSeconds(),
                truncate(error), id, workerId) == 1;
    }

    /** Records progress; false when the worker no longer holds the task (cancelled, or lease lost). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean progress(UUID id, String workerId, int percent) {
        return update("""
                UPDATE tasks SET progress = ?, locked_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE id = ? AND locked_by = ? AND status = 'running'""",
                Math.max(0, Math.min(100, percent)), config.lease().toMillis() / 1000.0, id, workerId) == 1;
    }

    /** Keeps the leases of a live worker's running tasks. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int extendLeases(String workerId) {
        return update("""
                UPDATE tasks SET locked_until = now() + make_interval(secs => ?)
                WHERE locked_by = ? AND status = 'running'""", config.lease().toMillis() / 1000.0, workerId);
    }

    /**
     * Hands a stopping worker's running tasks back to the queue, due now and without counting an attempt (the
     * task did not fail, its pod is going away): another worker takes them at once instead of after the lease.
     * The stopping worker no longer holds them, so whatever it still reports about them is refused.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int release(String workerId) {
        return update("""
                UPDATE tasks SET status = 'pending', scheduled_at = now(), locked_by = NULL, locked_until = NULL,
                    updated_at = now()
                WHERE locked_by = ? AND status = 'running'""", workerId);
    }

    /** Cancels a pending or running task of the user; false when there is none in that state. */
    @Transactional
    boolean cancel(String userId, UUID id) {
        return update("""
                UPDATE tasks SET status = 'cancelled', completed_at = now(), expires_at = now() + make_interval(secs => ?),
                    locked_by = NULL, locked_until = NULL, updated_at = now()
                WHERE id = ? AND user_id = ? AND status IN ('pending', 'running')""", ttlSeconds(), id, userId) == 1;
    }

    /** Deletes finished tasks past their expiry, batch by batch; returns how many went. */
    int deleteExpired(int batchSize) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> update("""
                    DELETE FROM tasks WHERE id IN (
                        SELECT id FROM tasks WHERE expires_at < now() AND status IN ('completed', 'failed', 'cancelled')
                        LIMIT ? FOR UPDATE SKIP LOCKED)""", batchSize));
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    private double ttlSeconds() {
        return config.finishedTtl().toSeconds();
    }

    private int update(String sql, Object... params) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    update.setNull(i + 1, Types.VARCHAR);
                } else {
                    update.setObject(i + 1, params[i]);
                }
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Task update failed", e);
        }
    }

    private static String truncate(String error) {
        if (error == null) {
            return "Unknown error";
        }
        return error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
