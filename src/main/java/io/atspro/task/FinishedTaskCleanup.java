package io.atspro.task;

import io.atspro.shared.InProcessJobsDisabled;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes finished tasks past their {@code expires_at} (7 days after they finished, by default), in small
 * batches, on its schedule and on {@code POST /admin/tasks/cleanup}. Safe on every replica at once: a row is
 * deleted once, whoever gets there first.
 */
@ApplicationScoped
class FinishedTaskCleanup {

    private static final Logger LOG = Logger.getLogger(FinishedTaskCleanup.class);

    private final TaskQueue queue;

    FinishedTaskCleanup(TaskQueue queue) {
        this.queue = queue;
    }

    @Scheduled(every = "{atspro.tasks.cleanup-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = InProcessJobsDisabled.class)
    void scheduled() {
        run();
    }

    /** Deletes the expired finished tasks; how many went. */
    int run() {
        int deleted = queue.deleteExpired(1000);
        if (deleted > 0) {
            LOG.infof("Deleted %d expired tasks", deleted);
        }
        return deleted;
    }
}
