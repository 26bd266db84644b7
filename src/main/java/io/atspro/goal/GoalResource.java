package io.atspro.goal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.identity.CurrentUser;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/api/v1/goals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "goals", description = "Goals and milestones, measured from the user's applications")
public class GoalResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final GoalService goals;
    private final CurrentUser currentUser;

    GoalResource(GoalService goals, CurrentUser currentUser) {
        this.goals = goals;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createGoal", summary = "Create a goal",
            description = "Sets a goal: applications_per_week, interviews, offers, or custom (progress set by hand). Answers 201.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new goal",
            content = @Content(schema = @Schema(implementation = GoalViews.GoalView.class)))
    public Response create(@NotNull @Valid GoalRequests.CreateGoal request, UriInfo uri) {
        GoalViews.GoalView goal = goals.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(goal.id().toString()).build()).entity(goal).build();
    }

    @GET
    @Operation(operationId = "listGoals", summary = "List goals",
            description = "The caller's goals with progress and milestones, newest first.")
    public Page<GoalViews.GoalView> list(@Valid @BeanParam PageRequest page) {
        return goals.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGoal", summary = "Get a goal",
            description = "One goal with its progress and milestones.")
    public GoalViews.GoalView get(@PathParam("id") UUID id) {
        return goals.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(operationId = "updateGoal", summary = "Update a goal",
            description = "JSON merge patch of a goal; status active, abandoned or completed; current for custom goals. A change a completed or abandoned goal does not allow answers 409.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = GoalViews.GoalView.class, responseDescription = "OK")
    public GoalViews.GoalView patch(@PathParam("id") UUID id, @NotNull ObjectNode patch) throws JsonProcessingException {
        return goals.patch(currentUser.id(), id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteGoal", summary = "Delete a goal",
            description = "Deletes a goal and its milestones.")
    public void delete(@PathParam("id") UUID id) {
        goals.delete(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addGoalMilestone", summary = "Add a milestone",
            description = "Adds a milestone to a goal; with target_value it completes itself when progress gets there. Answers 201.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new milestone",
            content = @Content(schema = @Schema(implementation = GoalViews.MilestoneView.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response addMilestone(@PathParam("id") UUID id, @NotNull @Valid GoalRequests.CreateMilestone request,
                                 UriInfo uri) {
        GoalViews.MilestoneView milestone = goals.addMilestone(currentUser.id(), id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(milestone.id().toString()).build())
                .entity(milestone).build();
    }

    @PATCH
    @Path("/{id}/milestones/{milestone}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(operationId = "updateGoalMilestone", summary = "Update a milestone",
            description = "JSON merge patch of a milestone; a completed milestone's target cannot change (409).")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = GoalViews.MilestoneView.class, responseDescription = "OK")
    public GoalViews.MilestoneView patchMilestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone,
                                                  @NotNull ObjectNode patch) throws JsonProcessingException {
        return goals.patchMilestone(currentUser.id(), id, milestone, patch);
    }

    @DELETE
    @Path("/{id}/milestones/{milestone}")
    @Operation(operationId = "deleteGoalMilestone", summary = "Delete a milestone",
            description = "Deletes a milestone of a goal.")
    public void deleteMilestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone) {
        goals.deleteMilestone(currentUser.id(), id, milestone);
    }

    @POST
    @Path("/{id}/milestones/{milestone}/complete")
    @Operation(operationId = "completeGoalMilestone", summary = "Complete a milestone",
            description = "Completes a milestone by hand (custom goals, checklist milestones); 409 when it is already done or completes itself.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = GoalViews.MilestoneView.class, responseDescription = "OK")
    public GoalViews.MilestoneView completeMilestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone) {
        return goals.completeMilestone(currentUser.id(), id, milestone);
    }
}
