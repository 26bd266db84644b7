package io.atspro.scraping;

import io.atspro.shared.InProcessJobsDisabled;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Looks for due scrape sources on every replica; the database makes sure each due slot runs once. */
@ApplicationScoped
class ScrapeScheduler {

    private static final Logger LOG = Logger.getLogger(ScrapeScheduler.class);

    private final ScrapeService service;
    private final ScrapingConfig config;

    ScrapeScheduler(ScrapeService service, ScrapingConfig config) {
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "{atspro.scraping.tick}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = InProcessJobsDisabled.class)
    void tick() {
        if (!config.schedulerEnabled()) {
            return;
        }
        int started = service.startDueRuns().size();
        if (started > 0) {
            LOG.infof("Queued %d scheduled scrape run(s)", started);
        }
    }
}
