package io.atspro.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The task queue's periodic job on demand (a Kubernetes CronJob runs it while the service is scaled to zero). */
@Path("/api/v1/admin/tasks")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class TaskAdminResource {

    private final FinishedTaskCleanup cleanup;

    TaskAdminResource(FinishedTaskCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @POST
    @Path("/cleanup")
    @Operation(operationId = "cleanUpTasks", summary = "Clean up finished tasks",
            description = "Deletes finished tasks past their expiry now, as the hourly cleanup does; answers how many went.")
    public Map<String, Integer> cleanup() {
        return Map.of("deleted", cleanup.run());
    }
}
