package io.atspro.privacy;

import io.atspro.shared.ClusterLock;
import io.atspro.shared.InProcessJobsDisabled;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.storage.DocumentService;
import io.atspro.storage.ObjectStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.ObjIntConsumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The retention rules, applied in batches while the service serves traffic:
 * <ul>
 * <li>inactive catalog postings closed over a year ago go, unless an application or a tracked job points at them;</li>
 * <li>browser sessions that expired, or were not used for 30 days, go;</li>
 * <li>completed tasks finished over six months ago move to {@code tasks_archive} (before the next rule, so a task
 * old enough for the archive is archived, not deleted);</li>
 * <li>finished tasks past their expiry go (the task feature's hourly cleanup does the same with the wall clock);</li>
 * <li>expired notifications go;</li>
 * <li>S3 objects under {@code users/} that no row points at and that are over a day old go.</li>
 * </ul>
 * One run at a time across all replicas ({@link ClusterLock}, held by a connection of its own for the whole run);
 * every run is recorded in {@code retention_runs} with its counts.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    static final String LOCK = "retention";

    private final RetentionBatches batches;
    private final RetentionRunRepository runs;
    private final RetentionConfig config;
    private final ObjectStorage storage;
    private final DocumentService documents;
    private final ExportService exports;
    private final DataSource dataSource;
    private final Clock clock;

    RetentionJob(RetentionBatches batches, RetentionRunRepository runs, RetentionConfig config, ObjectStorage storage,
            DocumentService documents, ExportService exports, DataSource dataSource, Clock clock) {
        this.exports = exports;
        this.batches = batches;
        this.runs = runs;
        this.config = config;
        this.storage = storage;
        this.documents = documents;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Scheduled(cron = "{atspro.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = InProcessJobsDisabled.class)
    void scheduled() {
        try {
            run(clock.instant(), "schedule");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Retention run failed; the next one starts where it stopped");
        }
    }

    /**
     * Applies every rule as of {@code now}; empty when another replica is running retention at the moment.
     * The windows are measured back from {@code now}, so tests drive the time.
     */
    public Optional<RetentionRunView> run(Instant now, String trigger) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                if (!ClusterLock.tryLock(lock, LOCK)) {
                    LOG.debug("Retention is running on another replica; skipped");
                    return Optional.empty();
                }
                return Optional.of(runLocked(now, trigger));
            } finally {
                lock.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold the retention lock", e);
        }
    }

    private RetentionRunView runLocked(Instant now, String trigger) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            RetentionRun run = new RetentionRun();
            run.id = UUID.randomUUID();
            run.trigger = trigger;
            run.status = "running";
            run.asOf = now;
            run.startedAt = clock.instant();
            runs.persist(run);
            return run.id;
        });
        int limit = config.batchSize();
        try {
            step(id, (r, n) -> r.postingsDeleted = n,
                    () -> batches.deleteOldPostings(now.minus(config.postingAge()), limit));
            step(id, (r, n) -> r.browserSessionsDeleted = n,
                    () -> batches.deleteBrowserSessions(now, now.minus(config.browserSessionIdle()), limit));
            step(id, (r, n) -> r.tasksArchived = n,
                    () -> batches.archiveCompletedTasks(now.minus(config.taskArchiveAge()), now, limit));
            step(id, (r, n) -> r.tasksDeleted = n, () -> batches.deleteExpiredTasks(now, limit));
            step(id, (r, n) -> r.notificationsDeleted = n, () -> batches.deleteExpiredNotifications(now, limit));
            exports.expire(now); // an expired export's zip goes; its row stays, marked expired
            int objects = deleteOrphanObjects(now.minus(config.orphanObjectAge()), limit);
            return finish(id, r -> {
                r.objectsDeleted = objects;
                r.status = "completed";
            });
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(id, r -> {
                r.status = "failed";
                r.errorMessage = message.length() > 500 ? message.substring(0, 500) : message;
            });
            throw e;
        }
    }

    /** Runs one rule's batches until a batch comes back short, then records its count. */
    private void step(UUID runId, ObjIntConsumer<RetentionRun> record, IntSupplier batch) {
        int limit = config.batchSize();
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done >= limit);
        int count = total;
        QuarkusTransaction.requiringNew().run(() -> record.accept(runs.findById(runId), count));
    }

    /** Lists the bucket page by page and deletes the objects older than {@code cutoff} that no row points at. */
    private int deleteOrphanObjects(Instant cutoff, int limit) {
        int deleted = 0;
        String token = null;
        do {
            ObjectStorage.Listing page = storage.list("users/", token, Math.min(limit, 1000));
            List<String> old = page.objects().stream()
                    .filter(o -> o.lastModified() != null && o.lastModified().isBefore(cutoff))
                    .map(ObjectStorage.StoredObject::key).toList();
            Set<String> referenced = new java.util.HashSet<>(documents.referencedKeys(old));
            referenced.addAll(exports.referencedKeys(old));
            for (String key : old) {
                if (!referenced.contains(key)) {
                    storage.delete(key);
                    deleted++;
                }
            }
            token = page.nextToken();
        } while (token != null);
        return deleted;
    }

    private RetentionRunView finish(UUID runId, java.util.function.Consumer<RetentionRun> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RetentionRun run = runs.findById(runId);
            change.accept(run);
            run.finishedAt = clock.instant();
            LOG.infof("Retention run %s %s: %d postings, %d browser sessions, %d tasks archived, %d tasks, %d notifications,"
                    + " %d S3 objects", run.id, run.status, run.postingsDeleted, run.browserSessionsDeleted,
                    run.tasksArchived, run.tasksDeleted, run.notificationsDeleted, run.objectsDeleted);
            return RetentionRunView.of(run);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RetentionRunView> runs(PageRequest page) {
        return runs.pageNewestFirst(page).map(RetentionRunView::of);
    }
}
