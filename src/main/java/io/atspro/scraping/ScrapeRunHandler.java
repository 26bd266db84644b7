package io.atspro.scraping;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.posting.CatalogWriter;
import io.atspro.posting.NormalizedPosting;
import io.atspro.posting.PostingsDiscovered;
import io.atspro.task.PermanentTaskFailure;
import io.atspro.task.TaskContext;
import io.atspro.task.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one scrape run: reads the board's complete listing, then writes it into the catalog and closes the run in
 * one transaction. A board that cannot be read, or a payload that is malformed or truncated, fails the run with
 * its message and leaves the catalog as it was.
 */
@ApplicationScoped
public class ScrapeRunHandler implements TaskHandler {

    private static final Logger LOG = Logger.getLogger(ScrapeRunHandler.class);

    private final ScrapeService service;
    private final BoardConnectors connectors;
    private final Event<PostingsDiscovered> discovered;

    ScrapeRunHandler(ScrapeService service, BoardConnectors connectors, Event<PostingsDiscovered> discovered) {
        this.service = service;
        this.connectors = connectors;
        this.discovered = discovered;
    }

    @Override
    public String type() {
        return ScrapeService.TASK_TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) {
        UUID runId = UUID.fromString(context.payload().path("run_id").asText());
        ScrapeService.RunStart start = service.begin(runId).orElse(null);
        if (start == null) {
            return null; // finished by an earlier attempt
        }
        BoardConnector connector = connectors.forPlatform(start.platform())
                .orElseThrow(() -> new PermanentTaskFailure("No connector for platform " + start.platform()));
        BoardHttpClient.Tally tally = connectors.http().startTally();
        KnownPostings known;
        try {
            known = new KnownPostings(service.listingStamps(start.sourceId()));
        } catch (RuntimeException e) {
            connectors.http().stopTally();
            if (context.lastAttempt()) {
                service.fail(start, "Reading what the catalog holds of the source failed: " + e.getMessage(), tally, 0);
            }
            throw e;
        }
        long fetchStarted = System.nanoTime();
        List<NormalizedPosting> listing;
        try {
            listing = connector.fetchAll(start.board(), known);
        } catch (BoardException e) {
            long fetchMs = (System.nanoTime() - fetchStarted) / 1_000_000;
            service.fail(start, e.getMessage(), tally, fetchMs);
            throw new PermanentTaskFailure(e.getMessage(), e);
        } finally {
            connectors.http().stopTally();
        }
        long fetchMs = (System.nanoTime() - fetchStarted) / 1_000_000;
        if (start.companyName() != null) {
            listing = listing.stream().map(p -> p.withCompanyName(start.companyName())).toList();
        }
        CatalogWriter.Result result;
        try {
            result = service.complete(start, listing, known.seenUnchanged(), tally, fetchMs);
        } catch (CatalogWriter.SuspiciousListingException e) {
            service.fail(start, e.getMessage(), tally, fetchMs);
            throw new PermanentTaskFailure(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (context.lastAttempt()) {
                service.fail(start, "Writing the catalog failed: " + e.getMessage(), tally, fetchMs);
            }
            throw e;
        }
        LOG.infof("Scrape run %s of %s/%s: %d found, %d new, %d updated, %d unchanged, %d closed in %d ms", runId,
                start.platform(), start.board(), result.found(), result.inserted(), result.updated(),
                result.unchanged(), result.closed(), fetchMs);
        if (!result.newIds().isEmpty()) {
            discovered.fire(new PostingsDiscovered(start.sourceId(), runId, start.platform(), result.newIds()));
        }
        return null;
    }
}
