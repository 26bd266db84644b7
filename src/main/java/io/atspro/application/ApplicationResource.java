package io.atspro.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.identity.CurrentUser;
import io.atspro.shared.InvalidInputException;
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
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applications", description = "The caller's applications and their pipeline")
public class ApplicationResource {

    private final ApplicationService applications;
    private final CurrentUser currentUser;

    ApplicationResource(ApplicationService applications, CurrentUser currentUser) {
        this.applications = applications;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApplication", summary = "Create an application",
            description = "Creates an application from a tracked job (job_id) or a free company_name and job_title. Answers 201 with a Location header.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new application",
            content = @Content(schema = @Schema(implementation = ApplicationViews.ApplicationView.class)))
    public Response create(@NotNull @Valid ApplicationRequests.CreateApplication request, UriInfo uri) {
        ApplicationViews.ApplicationView created = applications.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listApplications", summary = "List applications",
            description = "The caller's applications, filtered by status (repeatable), company and applied_at range, sorted and paged.")
    public Page<ApplicationViews.ApplicationView> list(
            @QueryParam("status") List<@Pattern(regexp = ApplicationRequests.STATUS, message = ApplicationRequests.STATUS_MESSAGE) String> statuses,
            @QueryParam("company") @Size(max = 200) String company,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") @DefaultValue("created_at")
            @Pattern(regexp = "created_at|updated_at|applied_at|company_name|status",
                    message = "must be one of created_at, updated_at, applied_at, company_name, status") String sort,
            @QueryParam("order") @DefaultValue("desc") @Pattern(regexp = "asc|desc", message = "must be asc or desc") String order,
            @Valid @BeanParam PageRequest page) {
        return applications.search(currentUser.id(), statuses == null ? List.of() : new ArrayList<>(statuses), company,
                instant("from", from), instant("to", to), sort, order.equals("asc"), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApplication", summary = "Get an application",
            description = "One of the caller's applications.")
    public ApplicationViews.ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateApplication", summary = "Update an application",
            description = "JSON merge patch of notes, follow-up date, interview dates, offer, rejection reason, resume or cover letter used. The status moves only through moveApplicationStatus.")
    public ApplicationViews.ApplicationView patch(@PathParam("id") UUID id, @NotNull ObjectNode patch)
            throws JsonProcessingException {
        return applications.patch(currentUser.id(), id, patch);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moveApplicationStatus", summary = "Move an application to another status",
            description = "Moves the application along its pipeline and records the change in its timeline. A move the pipeline does not allow answers 409 and changes nothing.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = ApplicationViews.ApplicationView.class, responseDescription = "OK")
    public ApplicationViews.ApplicationView move(@PathParam("id") UUID id,
                                                 @NotNull @Valid ApplicationRequests.StatusMove move) {
        return applications.move(currentUser.id(), id, move);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getApplicationTimeline", summary = "Application timeline",
            description = "Every status change of the application, oldest first.")
    public List<ApplicationViews.TimelineEntry> timeline(@PathParam("id") UUID id) {
        return applications.timeline(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteApplication", summary = "Delete an application",
            description = "Deletes the application with its history and feedback.")
    public void delete(@PathParam("id") UUID id) {
        applications.delete(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addApplicationFeedback", summary = "Add feedback",
            description = "Records feedback received for the application (interview notes, rejection reasons). Answers 201.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApplicationViews.FeedbackView.class)))
    public Response addFeedback(@PathParam("id") UUID id, @NotNull @Valid ApplicationRequests.FeedbackRequest request) {
        return Response.status(Response.Status.CREATED).entity(applications.addFeedback(currentUser.id(), id, request)).build();
    }

    @GET
    @Path("/{id}/feedback")
    @Operation(operationId = "listApplicationFeedback", summary = "List feedback",
            description = "The feedback recorded for the application, newest first, paged.")
    public Page<ApplicationViews.FeedbackView> feedback(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return applications.feedback(currentUser.id(), id, page);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (YYYY-MM-DD) or an instant (2026-01-31T12:00:00Z)");
        }
    }
}
