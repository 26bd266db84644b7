package io.atspro.privacy;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/browser-sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "browser-sessions")
public class BrowserSessionResource {

    private final BrowserSessionService sessions;
    private final CurrentUser currentUser;

    BrowserSessionResource(BrowserSessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "storeBrowserSession", summary = "Store a browser session",
            description = "Stores a job platform's session (cookies and/or session data, encrypted at rest) for the auto-apply browser. Answers 201.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the new session",
            content = @Content(schema = @Schema(implementation = BrowserSessionViews.Summary.class)))
    public Response store(@NotNull @Valid BrowserSessionRequests.Create request, UriInfo uri) {
        BrowserSessionViews.Summary created = sessions.store(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listBrowserSessions", summary = "List browser sessions",
            description = "The caller's unexpired browser sessions, newest first, without their secrets.")
    public Page<BrowserSessionViews.Summary> list(
            @QueryParam("platform") @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,49}", message = "must be a platform name") String platform,
            @Valid @BeanParam PageRequest page) {
        return sessions.list(currentUser.id(), platform, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBrowserSession", summary = "Get a browser session",
            description = "One unexpired browser session with its cookies and session data; marks it used.")
    public BrowserSessionViews.Detail get(@PathParam("id") UUID id) {
        return sessions.use(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteBrowserSession", summary = "Delete a browser session",
            description = "Deletes a stored browser session.")
    public void delete(@PathParam("id") UUID id) {
        sessions.delete(currentUser.id(), id);
    }
}
