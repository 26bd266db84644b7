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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "requestExport", summary = "Export all my data",
            description = "Starts an export of all the caller's data: a background task writes one zip (202); 409 while one is pending.")
    @APIResponse(responseCode = "202", description = "Started; follow it with getExport",
            content = @Content(schema = @Schema(implementation = ExportService.ExportView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response export() {
        return Response.accepted(exports.start(currentUser.id())).build();
    }

    @GET
    @Operation(operationId = "getExport", summary = "The newest export",
            description = "The caller's newest export: status, and a 5-minute download link once completed (until it expires).")
    public ExportService.ExportView exportStatus() {
        return exports.latest(currentUser.id()).orElseThrow(() -> new ResourceNotFoundException("Export"));
    }
}
