package io.atspro.analytics;

import io.atspro.shared.InProcessJobsDisabled;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the analytics jobs on every replica's schedule; the cluster lock lets one of them do each run. */
@ApplicationScoped
class AnalyticsScheduler {

    private static final Logger LOG = Logger.getLogger(AnalyticsScheduler.class);

    private final AnalyticsJobs jobs;
    private final AnalyticsConfig config;

    AnalyticsScheduler(AnalyticsJobs jobs, AnalyticsConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    @Scheduled(cron = "{atspro.analytics.partitions-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = InProcessJobsDisabled.class)
    void partitions() {
        if (config.jobsEnabled()) {
            jobs.ensurePartitions().ifPresent(run -> {
                if (!run.created().isEmpty()) {
                    LOG.infof("Created analytics partitions %s", run.created());
                }
            });
        }
    }

    @Scheduled(cron = "{atspro.analytics.rollup-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = InProcessJobsDisabled.class)
    void rollup() {
        if (config.jobsEnabled()) {
            jobs.rollup(jobs.yesterday()).ifPresent(run -> LOG.infof("Rolled up %s: %d users", run.date(), run.users()));
        }
    }

    @Scheduled(every = "{atspro.analytics.refresh-stats-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = InProcessJobsDisabled.class)
    void refreshStats() {
        if (config.jobsEnabled()) {
            jobs.refreshStats();
        }
    }
}
