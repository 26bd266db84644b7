package io.atspro.privacy;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.ResourceNotFoundException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/export")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "privacy")
public class PrivacyResource {

    private final ExportService exports;
    private final CurrentUser currentUser;

    PrivacyResource(ExportService exports, CurrentUser currentUser) {
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @POST
    @Operation(summary = "Export all your data: a background task writes one zip (202); 409 while one is pending")
    public Response export() {
        return Response.accepted(exports.start(currentUser.id())).build();
    }

    @GET
    @Operation(summary = "Your newest export: status, and a 5-minute download link once completed (until it expires)")
    public ExportService.ExportView exportStatus() {
        return exports.latest(currentUser.id()).orElseThrow(() -> new ResourceNotFoundException("Export"));
    }
}
