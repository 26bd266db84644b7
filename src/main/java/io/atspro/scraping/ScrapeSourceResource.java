package io.atspro.scraping;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ScrapeSourceResource {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final ScrapeService scraping;
    private final CurrentUser currentUser;

    ScrapeSourceResource(ScrapeService scraping, CurrentUser currentUser) {
        this.scraping = scraping;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/scrape-sources")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createScrapeSource", summary = "Add a scrape source",
            description = "Adds a board to scrape, from a careers page URL or a platform and board token; 409 when it exists. Answers 201.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new source",
            content = @Content(schema = @Schema(implementation = ScrapeViews.SourceView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response create(@NotNull @Valid ScrapeRequests.CreateSource request, UriInfo uri) {
        ScrapeViews.SourceView source = scraping.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(source.id().toString()).build()).entity(source)
                .build();
    }

    @GET
    @Path("/scrape-sources")
    @Operation(operationId = "listScrapeSources", summary = "List scrape sources",
            description = "The boards the catalog is scraped from, with their schedules and last runs.")
    public Page<ScrapeViews.SourceView> list(@Valid @BeanParam PageRequest page) {
        return scraping.list(page);
    }

    @GET
    @Path("/scrape-sources/{id}")
    @Operation(operationId = "getScrapeSource", summary = "Get a scrape source",
            description = "One scrape source with its last run.")
    public ScrapeViews.SourceView get(@PathParam("id") UUID id) {
        return scraping.get(id);
    }

    @PATCH
    @Path("/scrape-sources/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateScrapeSource", summary = "Update a scrape source",
            description = "Enables, disables, changes the schedule (Quartz cron; empty for the default) or company name.")
    public ScrapeViews.SourceView patch(@PathParam("id") UUID id, @NotNull @Valid ScrapeRequests.PatchSource patch) {
        return scraping.patch(id, patch);
    }

    @DELETE
    @Path("/scrape-sources/{id}")
    @Operation(operationId = "deleteScrapeSource", summary = "Delete a scrape source",
            description = "Removes a source and its runs; its open postings are closed.")
    public void delete(@PathParam("id") UUID id) {
        scraping.delete(id);
    }

    @POST
    @Path("/scrape-sources/{id}/run")
    @Operation(operationId = "runScrapeSource", summary = "Run a scrape source now",
            description = "Runs the source now as a background task (202); 409 while a run of it is queued or running.")
    @APIResponse(responseCode = "202", description = "Queued; Location names the run",
            content = @Content(schema = @Schema(implementation = ScrapeViews.RunView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response run(@PathParam("id") UUID id, UriInfo uri) {
        ScrapeViews.RunView run = scraping.runNow(id);
        return Response.accepted(run)
                .location(uri.getBaseUriBuilder().path("api/v1/admin/scrape-sources/{id}/runs/{run}").build(id, run.id()))
                .build();
    }

    @POST
    @Path("/scrape-sources/run-due")
    @Operation(operationId = "runDueScrapeSources", summary = "Run the due sources",
            description = "Queues a run of every source whose schedule is due, as the scheduler does (for a CronJob while scaled to zero).")
    public ScrapeViews.DueRuns runDue() {
        return new ScrapeViews.DueRuns(scraping.startDueRuns());
    }

    @GET
    @Path("/scrape-sources/{id}/runs")
    @Operation(operationId = "listScrapeRuns", summary = "List runs of a source",
            description = "The source's runs, newest first.")
    public Page<ScrapeViews.RunView> runs(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return scraping.runs(id, page);
    }

    @GET
    @Path("/scrape-sources/{id}/runs/{run}")
    @Operation(operationId = "getScrapeRun", summary = "Get a scrape run",
            description = "One run of a source with its counts and errors.")
    public ScrapeViews.RunView runOf(@PathParam("id") UUID id, @PathParam("run") UUID run) {
        return scraping.run(id, run);
    }

    @GET
    @Path("/platform-metrics")
    @Operation(operationId = "getPlatformMetrics", summary = "Scraping metrics",
            description = "Daily scraping figures per platform (default: the last 30 days).")
    public List<ScrapeViews.MetricView> metrics(
            @QueryParam("from") @Pattern(regexp = DATE, message = "must be a date like 2026-11-01") String from,
            @QueryParam("to") @Pattern(regexp = DATE, message = "must be a date like 2026-11-01") String to) {
        LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
        LocalDate start = from == null ? end.minusDays(30) : date("from", from);
        return scraping.metrics(start, end);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a calendar date");
        }
    }
}
