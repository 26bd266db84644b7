package io.atspro.matching;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/matches")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matches", description = "ATS match scores of a resume against a job")
public class MatchResource {

    /** {@code POST /matches}: a resume and a tracked job, or a catalog posting (tracked as a job on the way). */
    public record MatchRequest(@NotNull UUID resumeId, UUID jobId, UUID postingId) {
    }

    private final MatchService matches;
    private final CurrentUser currentUser;

    MatchResource(MatchService matches, CurrentUser currentUser) {
        this.matches = matches;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scoreMatch", summary = "Score a resume against a job",
            description = "Scores a resume against a job: 0 to 100, matched and missing keywords, section checks and suggestions. Counts against the plan's monthly quota. Answers 201.")
    @APIResponse(responseCode = "201", description = "Scored; Location names the new match",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponse(responseCode = "429", description = "The plan's monthly quota for this is used up")
    public Response match(@NotNull @Valid MatchRequest request, UriInfo uri) {
        if (request.jobId() == null && request.postingId() == null) {
            throw new InvalidInputException("job_id", "is required (or a posting_id from the catalog)");
        }
        if (request.jobId() != null && request.postingId() != null) {
            throw new InvalidInputException("posting_id", "give job_id or posting_id, not both");
        }
        MatchView match = request.jobId() != null ? matches.match(currentUser.id(), request.resumeId(), request.jobId())
                : matches.matchPosting(currentUser.id(), request.resumeId(), request.postingId());
        return Response.created(uri.getAbsolutePathBuilder().path(match.id().toString()).build()).entity(match).build();
    }

    @GET
    @Operation(operationId = "listMatches", summary = "List match scores",
            description = "Match scores, newest first, per resume and/or per job.")
    public Page<MatchView> list(@QueryParam("resume_id") UUID resumeId, @QueryParam("job_id") UUID jobId,
                                @Valid @BeanParam PageRequest page) {
        return matches.list(currentUser.id(), resumeId, jobId, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMatch", summary = "Get a match score",
            description = "One match score with its details.")
    public MatchView get(@PathParam("id") UUID id) {
        return matches.get(currentUser.id(), id);
    }
}
