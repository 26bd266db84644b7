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
    @Operation(summary = "Add a job board to read on a schedule: {url} of any careers page (Greenhouse, Lever, "
            + "Ashby, Workday, SmartRecruiters, Workable, Recruitee, Personio and Teamtailor are recognised; another "
            + "page is read for JSON-LD), or {platform, board} with the board token")
    public Response create(@NotNull @Valid ScrapeRequests.CreateSource request, UriInfo uri) {
        ScrapeViews.SourceView source = scraping.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(source.id().toString()).build()).entity(source)
                .build();
    }

    @GET
    @Path("/scrape-sources")
    public Page<ScrapeViews.SourceView> list(@Valid @BeanParam PageRequest page) {
        return scraping.list(page);
    }

    @GET
    @Path("/scrape-sources/{id}")
    public ScrapeViews.SourceView get(@PathParam("id") UUID id) {
        return scraping.get(id);
    }

    @PATCH
    @Path("/scrape-sources/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Enable, disable, change the schedule (Quartz cron; \"\" for the default) or company name")
    public ScrapeViews.SourceView patch(@PathParam("id") UUID id, @NotNull @Valid ScrapeRequests.PatchSource patch) {
        return scraping.patch(id, patch);
    }

    @DELETE
    @Path("/scrape-sources/{id}")
    @Operation(summary = "Remove a source and its runs; its open postings are closed")
    public void delete(@PathParam("id") UUID id) {
        scraping.delete(id);
    }

    @POST
    @Path("/scrape-sources/{id}/run")
    @Operation(summary = "Run the source now, as a background task (202); 409 while a run of it is queued or running")
    public Response run(@PathParam("id") UUID id, UriInfo uri) {
        ScrapeViews.RunView run = scraping.runNow(id);
        return Response.accepted(run)
                .location(uri.getBaseUriBuilder().path("api/v1/admin/scrape-sources/{id}/runs/{run}").build(id, run.id()))
                .build();
    }

    @POST
    @Path("/scrape-sources/run-due")
    @Operation(summary = "Queue a run of every enabled source that is due, as one scheduler tick does (for a CronJob "
            + "while scaled to zero); the runs it queued")
    public ScrapeViews.DueRuns runDue() {
        return new ScrapeViews.DueRuns(scraping.startDueRuns());
    }

    @GET
    @Path("/scrape-sources/{id}/runs")
    @Operation(summary = "The source's runs, newest first")
    public Page<ScrapeViews.RunView> runs(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return scraping.runs(id, page);
    }

    @GET
    @Path("/scrape-sources/{id}/runs/{run}")
    public ScrapeViews.RunView runOf(@PathParam("id") UUID id, @PathParam("run") UUID run) {
        return scraping.run(id, run);
    }

    @GET
    @Path("/platform-metrics")
    @Operation(summary = "Daily scraping figures per platform (default: the last 30 days)")
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
