package io.atspro.shared;

import io.quarkus.arc.Unremovable;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one switch for the periodic jobs (scrape schedule, retention, analytics, notification schedules, finished-task
 * cleanup): {@code @Scheduled(..., skipExecutionIf = InProcessJobsDisabled.class)}. With
 * {@code atspro.jobs.in-process=false} (env {@code ATSPRO_JOBS_IN_PROCESS}) no pod runs them on its own clock and
 * Kubernetes CronJobs call their admin triggers instead, so the service can scale to zero. Task workers and the
 * keep-alive ticks (SSE heartbeat, Redis bus) are not jobs and do not ask this.
 */
@Singleton
@Unremovable
public class InProcessJobsDisabled implements Scheduled.SkipPredicate {

    /** The configuration key. */
    public static final String KEY = "atspro.jobs.in-process";

    private static final Logger LOG = Logger.getLogger(InProcessJobsDisabled.class);

    private final boolean inProcess;

    InProcessJobsDisabled(@ConfigProperty(name = KEY, defaultValue = "true") boolean inProcess) {
        this.inProcess = inProcess;
        if (!inProcess) {
            LOG.info("Periodic jobs are off on this pod (" + KEY + "=false): they run when their admin triggers are called");
        }
    }

    /** Whether this pod runs the periodic jobs on their schedules. */
    public boolean inProcess() {
        return inProcess;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !inProcess;
    }
}
