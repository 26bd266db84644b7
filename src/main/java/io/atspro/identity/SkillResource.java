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
    public Page<Views.Skill> list(@Valid @BeanParam PageRequest page) {
        return skills.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    public Views.Skill get(@PathParam("id") UUID id) {
        return skills.get(currentUser.id(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid Requests.SkillRequest request, UriInfo uri) {
        Views.Skill created = skills.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.Skill update(@PathParam("id") UUID id, @NotNull @Valid Requests.SkillRequest request) {
        return skills.update(currentUser.id(), id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") UUID id) {
        skills.delete(currentUser.id(), id);
    }
}
