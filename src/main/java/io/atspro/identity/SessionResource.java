package io.atspro.identity;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "The login sessions seen for the caller")
public class SessionResource {

    private final SessionService sessions;
    private final CurrentUser currentUser;

    SessionResource(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "listSessions", summary = "List sessions",
            description = "The caller's sessions, most recently used first; current marks the one of this request.")
    public Page<Views.Session> list(@Valid @BeanParam PageRequest page) {
        return sessions.list(currentUser.id(), currentUser.sessionId().orElse(null), page);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeSession", summary = "Revoke a session",
            description = "Revokes a session: every token of it is refused from now on.")
    public void revoke(@PathParam("id") String id) {
        sessions.revoke(currentUser.id(), id);
    }
}
