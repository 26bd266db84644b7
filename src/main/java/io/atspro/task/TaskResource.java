package io.atspro.task;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tasks", description = "The caller's background tasks")
public class TaskResource {

    private final TaskService tasks;
    private final CurrentUser currentUser;

    TaskResource(TaskService tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "listTasks", summary = "List tasks",
            description = "The caller's background tasks, newest first.")
    public Page<TaskView> list(
            @QueryParam("status") @Pattern(regexp = "pending|running|completed|failed|cancelled",
                    message = "must be one of pending, running, completed, failed, cancelled") String status,
            @QueryParam("type") @Pattern(regexp = "[a-z_]{1,50}", message = "must be a task type") String type,
            @Valid @BeanParam PageRequest page) {
        return tasks.list(currentUser.id(), status, type, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "Get a task",
            description = "A background task's status, progress and result.")
    public TaskView get(@PathParam("id") UUID id) {
        return tasks.get(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelTask", summary = "Cancel a task",
            description = "Cancels a pending or running task; 409 when it already finished.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = TaskView.class, responseDescription = "OK")
    public TaskView cancel(@PathParam("id") UUID id) {
        return tasks.cancel(currentUser.id(), id);
    }
}
