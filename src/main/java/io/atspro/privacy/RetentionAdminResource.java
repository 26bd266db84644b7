package io.atspro.privacy;

import io.atspro.shared.ConflictException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/retention")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class RetentionAdminResource {

    private final RetentionJob retention;
    private final Clock clock;

    RetentionAdminResource(RetentionJob retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @POST
    @Path("/run")
    @Operation(operationId = "runRetention", summary = "Run retention",
            description = "Runs the retention rules now (for a CronJob while scaled to zero); 409 while a run is in progress.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = RetentionRunView.class, responseDescription = "OK")
    public RetentionRunView run() {
        return retention.run(clock.instant(), "admin")
                .orElseThrow(() -> new ConflictException("A retention run is already in progress"));
    }

    @GET
    @Path("/runs")
    @Operation(operationId = "listRetentionRuns", summary = "List retention runs",
            description = "Retention runs, newest first, with what each removed.")
    public Page<RetentionRunView> runs(@Valid @BeanParam PageRequest page) {
        return retention.runs(page);
    }
}
