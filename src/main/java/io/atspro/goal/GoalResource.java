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
    @Operation(summary = "Set a goal: applications_per_week, interviews, offers, or custom (progress set by hand)")
    public Response create(@NotNull @Valid GoalRequests.CreateGoal request, UriInfo uri) {
        GoalViews.GoalView goal = goals.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(goal.id().toString()).build()).entity(goal).build();
    }

    @GET
    @Operation(summary = "The caller's goals with progress and milestones, newest first")
    public Page<GoalViews.GoalView> list(@Valid @BeanParam PageRequest page) {
        return goals.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    public GoalViews.GoalView get(@PathParam("id") UUID id) {
        return goals.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change a goal (merge patch); status active|abandoned|completed; current for custom goals")
    public GoalViews.GoalView patch(@PathParam("id") UUID id, @NotNull ObjectNode patch) throws JsonProcessingException {
        return goals.patch(currentUser.id(), id, patch);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") UUID id) {
        goals.delete(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a milestone: with target_value it completes itself when progress gets there")
    public Response addMilestone(@PathParam("id") UUID id, @NotNull @Valid GoalRequests.CreateMilestone request,
                                 UriInfo uri) {
        GoalViews.MilestoneView milestone = goals.addMilestone(currentUser.id(), id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(milestone.id().toString()).build())
                .entity(milestone).build();
    }

    @PATCH
    @Path("/{id}/milestones/{milestone}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public GoalViews.MilestoneView patchMilestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone,
                                                  @NotNull ObjectNode patch) throws JsonProcessingException {
        return goals.patchMilestone(currentUser.id(), id, milestone, patch);
    }

    @DELETE
    @Path("/{id}/milestones/{milestone}")
    public void deleteMilestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone) {
        goals.deleteMilestone(currentUser.id(), id, milestone);
    }

    @POST
    @Path("/{id}/milestones/{milestone}/complete")
    @Operation(summary = "Complete a milestone by hand (custom goals, checklist milestones); 409 when already done")
    public GoalViews.MilestoneView completeMilestone(@PathParam("id") UUID id, @PathParam("milestone") UUID milestone) {
        return goals.completeMilestone(currentUser.id(), id, milestone);
    }
}
