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
    @Operation(summary = "Active postings ranked for the caller (resume and profile): meaning, skills, preferences "
            + "and freshness blended, each with its reasons; without postings applied to, tracked, dismissed or "
            + "muted. Keyset paging with next_cursor")
    public RecommendationViews.Page recommend(
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a whole number from 1 to 100") String limit) {
        return service.recommend(currentUser.id(), cursor, Integer.parseInt(limit));
    }

    @POST
    @Path("/{posting_id}/dismiss")
    @Operation(summary = "Keep a posting out of the caller's recommendations; ?mute=company or ?mute=title also "
            + "mutes its company or its title. 404 for no posting, 409 when dismissed already")
    public Response dismiss(@PathParam("posting_id") UUID postingId,
            @QueryParam("mute") @Pattern(regexp = "company|title", message = "must be one of company, title") String mute) {
        var created = service.dismiss(currentUser.id(), postingId, mute);
        return Response.status(Response.Status.CREATED)
                .entity(created.<Object>map(m -> Map.of("posting_id", postingId, "mute", m))
                        .orElse(Map.of("posting_id", postingId)))
                .build();
    }

    @DELETE
    @Path("/{posting_id}/dismiss")
    @Operation(summary = "Undo a dismissal (404 when the posting is not dismissed)")
    public Response undismiss(@PathParam("posting_id") UUID postingId) {
        service.undismiss(currentUser.id(), postingId);
        return Response.noContent().build();
    }

    @GET
    @Path("/mutes")
    @Operation(summary = "The caller's muted companies and titles, oldest first")
    public Map<String, List<RecommendationViews.Mute>> mutes() {
        return Map.of("items", service.mutes(currentUser.id()));
    }

    @POST
    @Path("/mutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mute a company (name contains the value) or a title (title contains it); 409 when muted "
            + "already or at the limit of 200")
    public Response mute(@NotNull @Valid MuteRequest request) {
        RecommendationViews.Mute mute = service.mute(currentUser.id(), request.kind(), request.value());
        return Response.created(UriBuilder.fromPath("/api/v1/recommendations/mutes/{id}").build(mute.id()))
                .entity(mute).build();
    }

    @DELETE
    @Path("/mutes/{id}")
    @Operation(summary = "Unmute (404 for no such mute of the caller)")
    public Response unmute(@PathParam("id") UUID id) {
        service.unmute(currentUser.id(), id);
        return Response.noContent().build();
    }
}
