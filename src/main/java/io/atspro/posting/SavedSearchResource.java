package io.atspro.posting;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/searches")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "searches", description = "Saved catalog searches")
public class SavedSearchResource {

    private final SavedSearchService searches;
    private final CurrentUser currentUser;

    SavedSearchResource(SavedSearchService searches, CurrentUser currentUser) {
        this.searches = searches;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSavedSearch", summary = "Save a search",
            description = "Saves a catalog search; new matches are notified. At most 50 per user (409). Answers 201.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new saved search",
            content = @Content(schema = @Schema(implementation = SavedSearchView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response create(@NotNull @Valid SavedSearchRequests.Search request, UriInfo uri) {
        SavedSearchView search = searches.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(search.id().toString()).build()).entity(search)
                .build();
    }

    @GET
    @Operation(operationId = "listSavedSearches", summary = "List saved searches",
            description = "The caller's saved searches.")
    public Page<SavedSearchView> list(@Valid @BeanParam PageRequest page) {
        return searches.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSavedSearch", summary = "Get a saved search",
            description = "One saved search.")
    public SavedSearchView get(@PathParam("id") UUID id) {
        return searches.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateSavedSearch", summary = "Update a saved search",
            description = "JSON merge patch of a saved search.")
    public SavedSearchView patch(@PathParam("id") UUID id, @NotNull @Valid SavedSearchRequests.Search patch) {
        return searches.patch(currentUser.id(), id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSavedSearch", summary = "Delete a saved search",
            description = "Deletes a saved search.")
    public void delete(@PathParam("id") UUID id) {
        searches.delete(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/matches")
    @Operation(operationId = "listSavedSearchMatches", summary = "Postings matching a saved search",
            description = "The catalog postings that match a saved search now, ranked and paged.")
    public PostingSearch.Result matches(@PathParam("id") UUID id,
            @QueryParam("since") @Size(max = 40) String since,
            @QueryParam("not_applied") @Pattern(regexp = "true|false", message = "must be true or false") String notApplied,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = "[1-9]|[1-9][0-9]|100", message = "must be a whole number from 1 to 100") String limit) {
        return searches.matches(currentUser.id(), id, PostingResource.instant("since", since), "true".equals(notApplied),
                cursor, Integer.parseInt(limit));
    }
}
