package io.atspro.job;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jobs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs", description = "The jobs the caller tracks")
public class JobResource {

    private final JobService jobs;
    private final CurrentUser currentUser;

    JobResource(JobService jobs, CurrentUser currentUser) {
        this.jobs = jobs;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createJob", summary = "Track a job",
            description = "Tracks a job typed by hand (parsed_data; 201), or read from a url or an uploaded document_id by a background task (202, follow task_id).")
    @APIResponse(responseCode = "201", description = "Created from parsed_data; Location names the job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "202", description = "Created; a background task reads the url or document (follow task_id)",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    public Response create(@NotNull @Valid JobRequests.CreateJob request, UriInfo uri) {
        JobView job = jobs.create(currentUser.id(), request);
        var location = uri.getAbsolutePathBuilder().path(job.id().toString()).build();
        return (job.taskId() != null ? Response.accepted(job) : Response.status(Response.Status.CREATED).entity(job))
                .location(location).build();
    }

    @GET
    @Operation(operationId = "listJobs", summary = "List jobs",
            description = "The caller's jobs, newest first; filter by status, company, and text in title, company or description.")
    public Page<JobView> list(@QueryParam("status") @Pattern(regexp = "pending|processing|completed|failed",
            message = "must be one of pending, processing, completed, failed") String status,
                              @QueryParam("company") @Size(max = 200) String company,
                              @QueryParam("q") @Size(max = 200) String q,
                              @Valid @BeanParam PageRequest page) {
        return jobs.search(currentUser.id(), status, company, q, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "Get a job",
            description = "One of the caller's jobs.")
    public JobView get(@PathParam("id") UUID id) {
        return jobs.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateJob", summary = "Update a job",
            description = "Changes notes and/or replaces parsed_data; 409 while the job is still being read.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = JobView.class, responseDescription = "OK")
    public JobView patch(@PathParam("id") UUID id, @NotNull @Valid JobRequests.PatchJob patch) {
        return jobs.patch(currentUser.id(), id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteJob", summary = "Delete a job",
            description = "Deletes a job the caller tracks.")
    public void delete(@PathParam("id") UUID id) {
        jobs.delete(currentUser.id(), id);
    }
}
