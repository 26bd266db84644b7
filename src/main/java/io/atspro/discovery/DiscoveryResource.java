package io.atspro.discovery;

import io.atspro.identity.CurrentUser;
import io.atspro.posting.PostingSummary;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/discoveries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "discoveries", description = "Job searches run in the background on the catalog and the boards")
public class DiscoveryResource {

    private final DiscoveryService discoveries;
    private final CurrentUser currentUser;

    DiscoveryResource(DiscoveryService discoveries, CurrentUser currentUser) {
        this.discoveries = discoveries;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startDiscovery", summary = "Start a discovery",
            description = "Searches the boards that support search for the query in the background and adds what it finds to the catalog. One discovery at a time per user; counts against the plan's monthly quota. Answers 202.")
    @APIResponse(responseCode = "202", description = "Started; Location names the discovery to follow",
            content = @Content(schema = @Schema(implementation = DiscoveryView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponse(responseCode = "429", description = "The plan's monthly quota for this is used up")
    public Response start(@NotNull @Valid DiscoveryRequests.Start request, UriInfo uri) {
        DiscoveryView discovery = discoveries.start(currentUser.id(), request);
        return Response.accepted(discovery)
                .location(uri.getAbsolutePathBuilder().path(discovery.id().toString()).build()).build();
    }

    @GET
    @Operation(operationId = "listDiscoveries", summary = "List discoveries",
            description = "The caller's discoveries, newest first, with their status and counts.")
    public Page<DiscoveryView> list(@Valid @BeanParam PageRequest page) {
        return discoveries.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDiscovery", summary = "Get a discovery",
            description = "One discovery: status, jobs found and new, boards searched and failed, timings.")
    public DiscoveryView get(@PathParam("id") UUID id) {
        return discoveries.get(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/postings")
    @Operation(operationId = "listDiscoveryPostings", summary = "Postings a discovery found",
            description = "The discovery's results as a page of postings in its order (empty until it has finished).")
    public Page<PostingSummary> postings(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return discoveries.results(currentUser.id(), id, page);
    }
}
