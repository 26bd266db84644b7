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
    @Operation(summary = "Start a discovery: {search_query, location?, sources?}; the catalog and the boards that "
            + "search server-side (Workday, SmartRecruiters) are searched in the background; one at a time, within "
            + "the plan's monthly discoveries")
    public Response start(@NotNull @Valid DiscoveryRequests.Start request, UriInfo uri) {
        DiscoveryView discovery = discoveries.start(currentUser.id(), request);
        return Response.accepted(discovery)
                .location(uri.getAbsolutePathBuilder().path(discovery.id().toString()).build()).build();
    }

    @GET
    public Page<DiscoveryView> list(@Valid @BeanParam PageRequest page) {
        return discoveries.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    public DiscoveryView get(@PathParam("id") UUID id) {
        return discoveries.get(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/postings")
    @Operation(summary = "The discovery's results, a page of postings in its order (empty until it has finished)")
    public Page<PostingSummary> postings(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return discoveries.results(currentUser.id(), id, page);
    }
}
