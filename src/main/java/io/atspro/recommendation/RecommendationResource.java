package io.atspro.recommendation;

import io.atspro.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/recommendations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recommendations", description = "Catalog postings ranked for the caller, with the reasons")
public class RecommendationResource {

    /** A company or job title never to recommend. */
    public record MuteRequest(
            @NotNull @Pattern(regexp = "company|title", message = "must be one of company, title") String kind,
            @NotBlank @Size(max = 300) String value) {
    }

    private final RecommendationService service;
    private final CurrentUser currentUser;

    RecommendationResource(RecommendationService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "listRecommendations", summary = "Recommended postings",
            description = "Catalog postings recommended for the caller's active resume and preferences, best first, each with the reasons it was picked; 409 when the embedding model is off.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = RecommendationViews.Page.class, responseDescription = "OK")
    public RecommendationViews.Page recommend(
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a whole number from 1 to 100") String limit) {
        return service.recommend(currentUser.id(), cursor, Integer.parseInt(limit));
    }

    @POST
    @Path("/{posting_id}/dismiss")
    @Operation(operationId = "dismissRecommendation", summary = "Dismiss a recommendation",
            description = "Stops recommending this posting; 409 when it is dismissed already.")
    @APIResponse(responseCode = "201", description = "Dismissed (and muted when asked)",
            content = @Content(schema = @Schema(implementation = RecommendationViews.Dismissal.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response dismiss(@PathParam("posting_id") UUID postingId,
            @QueryParam("mute") @Pattern(regexp = "company|title", message = "must be one of company, title") String mute) {
        var created = service.dismiss(currentUser.id(), postingId, mute);
        return Response.status(Response.Status.CREATED)
                .entity(new RecommendationViews.Dismissal(postingId, created.orElse(null))).build();
    }

    @DELETE
    @Path("/{posting_id}/dismiss")
    @Operation(operationId = "undismissRecommendation", summary = "Undo a dismissal",
            description = "Recommends the posting again; 404 when it is not dismissed.")
    @APIResponse(responseCode = "204", description = "Recommended again")
    public Response undismiss(@PathParam("posting_id") UUID postingId) {
        service.undismiss(currentUser.id(), postingId);
        return Response.noContent().build();
    }

    @GET
    @Path("/mutes")
    @Operation(operationId = "listRecommendationMutes", summary = "List mutes",
            description = "The caller's muted companies and titles, oldest first.")
    public Map<String, List<RecommendationViews.Mute>> mutes() {
        return Map.of("items", service.mutes(currentUser.id()));
    }

    @POST
    @Path("/mutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "muteRecommendations", summary = "Mute a company or title",
            description = "Stops recommending postings of a company or with a title; 409 when muted already or at the limit. Answers 201.")
    @APIResponse(responseCode = "201", description = "Muted; Location names the mute",
            content = @Content(schema = @Schema(implementation = RecommendationViews.Mute.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response mute(@NotNull @Valid MuteRequest request) {
        RecommendationViews.Mute mute = service.mute(currentUser.id(), request.kind(), request.value());
        return Response.created(UriBuilder.fromPath("/api/v1/recommendations/mutes/{id}").build(mute.id()))
                .entity(mute).build();
    }

    @DELETE
    @Path("/mutes/{id}")
    @Operation(operationId = "unmuteRecommendations", summary = "Unmute",
            description = "Removes a mute; 404 for no such mute of the caller.")
    @APIResponse(responseCode = "204", description = "Unmuted")
    public Response unmute(@PathParam("id") UUID id) {
        service.unmute(currentUser.id(), id);
        return Response.noContent().build();
    }
}
