package io.atspro.identity;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/me/skills")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "skills")
public class SkillResource {

    private final SkillService skills;
    private final CurrentUser currentUser;

    SkillResource(SkillService skills, CurrentUser currentUser) {
        this.skills = skills;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "listSkills", summary = "List skills",
            description = "The caller's skills, paged.")
    public Page<Views.Skill> list(@Valid @BeanParam PageRequest page) {
        return skills.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSkill", summary = "Get a skill",
            description = "One of the caller's skills.")
    public Views.Skill get(@PathParam("id") UUID id) {
        return skills.get(currentUser.id(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSkill", summary = "Add a skill",
            description = "Adds a skill to the caller's profile; 409 when the caller already has it. Answers 201 with a Location header.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new skill",
            content = @Content(schema = @Schema(implementation = Views.Skill.class)))
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    public Response create(@NotNull @Valid Requests.SkillRequest request, UriInfo uri) {
        Views.Skill created = skills.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSkill", summary = "Replace a skill",
            description = "Replaces every field of a skill; 409 when the new name is another of the caller's skills.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = Views.Skill.class, responseDescription = "OK")
    public Views.Skill update(@PathParam("id") UUID id, @NotNull @Valid Requests.SkillRequest request) {
        return skills.update(currentUser.id(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSkill", summary = "Delete a skill",
            description = "Deletes a skill.")
    public void delete(@PathParam("id") UUID id) {
        skills.delete(currentUser.id(), id);
    }
}
