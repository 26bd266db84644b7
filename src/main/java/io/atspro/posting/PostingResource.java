package io.atspro.posting;

import io.atspro.identity.CurrentUser;
import io.atspro.job.JobView;
import io.atspro.shared.InvalidInputException;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/postings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "postings", description = "The job-posting catalog gathered from public job boards")
public class PostingResource {

    static final String ARRANGEMENT = "remote|hybrid|onsite";
    static final String EMPLOYMENT = "full_time|part_time|contract|internship|temporary";
    static final String EXPERIENCE = "internship|entry|mid|senior|lead|executive";

    private final CatalogService catalog;
    private final CurrentUser currentUser;

    PostingResource(CatalogService catalog, CurrentUser currentUser) {
        this.catalog = catalog;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "searchPostings", summary = "Search the catalog",
            description = "Searches the open postings of the catalog: text (q), location, remote, salary, skills, company, freshness; ranked (hybrid keyword and semantic) and paged.")
    public PostingSearch.Result search(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("location") List<@Size(max = 100) String> locations,
            @QueryParam("remote") @Pattern(regexp = "true|false", message = "must be true or false") String remote,
            @QueryParam("work_arrangement") List<@Pattern(regexp = ARRANGEMENT, message = "must be one of remote, hybrid, onsite") String> arrangements,
            @QueryParam("employment_type") List<@Pattern(regexp = EMPLOYMENT, message = "must be one of full_time, part_time, contract, internship, temporary") String> employmentTypes,
            @QueryParam("experience_level") List<@Pattern(regexp = EXPERIENCE, message = "must be one of internship, entry, mid, senior, lead, executive") String> levels,
            @QueryParam("min_salary") @Pattern(regexp = "[0-9]{1,9}", message = "must be a whole number") String minSalary,
            @QueryParam("company") @Size(max = 200) String company,
            @QueryParam("posted_after") @Size(max = 40) String postedAfter,
            @QueryParam("not_applied") @Pattern(regexp = "true|false", message = "must be true or false") String notApplied,
            @QueryParam("include_inactive") @Pattern(regexp = "true|false", message = "must be true or false") String includeInactive,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a whole number from 1 to 100") String limit,
            @QueryParam("mode") @DefaultValue("keyword") @Pattern(regexp = "keyword|semantic|hybrid", message = "must be one of keyword, semantic, hybrid") String mode) {
        List<String> workArrangements = new ArrayList<>(arrangements == null ? List.of() : arrangements);
        if ("true".equals(remote)) {
            workArrangements.add("remote");
        } else if ("false".equals(remote)) {
            workArrangements.addAll(List.of("hybrid", "onsite"));
        }
        PostingCriteria criteria = new PostingCriteria(q, locations, workArrangements, employmentTypes, levels,
                minSalary == null ? null : Integer.valueOf(minSalary), company == null ? null : List.of(company),
                null, instant("posted_after", postedAfter), null,
                "true".equals(notApplied) ? currentUser.id() : null, "true".equals(includeInactive));
        return catalog.search(criteria, cursor, Integer.parseInt(limit),
                CatalogService.Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPosting", summary = "Get a posting",
            description = "One posting, closed ones included, with sections, skills, company and the other boards listing the same job.")
    public PostingDetail get(@PathParam("id") UUID id) {
        return catalog.get(id);
    }

    @POST
    @Path("/{id}/save")
    @Operation(operationId = "savePosting", summary = "Track a posting",
            description = "Tracks this posting as one of the caller's jobs (201); 409 when it is already tracked.")
    @APIResponse(responseCode = "201", description = "Tracked; Location names the new job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response save(@PathParam("id") UUID id) {
        JobView job = catalog.saveAsJob(currentUser.id(), id);
        return Response.created(UriBuilder.fromPath("/api/v1/jobs/{id}").build(job.id())).entity(job).build();
    }

    /** An ISO date (start of that day, UTC) or instant. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z)");
        }
    }
}
