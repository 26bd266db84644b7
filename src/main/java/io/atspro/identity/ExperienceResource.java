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

@Path("/api/v1/me/experiences")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "experiences")
public class ExperienceResource {

    private final ExperienceService experiences;
    private final CurrentUser currentUser;

    ExperienceResource(ExperienceService experiences, CurrentUser currentUser) {
        this.experiences = experiences;
        this.currentUser = currentUser;
    }

    @GET
    public Page<Views.Experience> list(@Valid @BeanParam PageRequest page) {
        return experiences.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    public Views.Experience get(@PathParam("id") UUID id) {
        return experiences.get(currentUser.id(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid Requests.ExperienceRequest request, UriInfo uri) {
        Views.Experience created = experiences.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.Experience update(@PathParam("id") UUID id, @NotNull @Valid Requests.ExperienceRequest request) {
        return experiences.update(currentUser.id(), id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") UUID id) {
        experiences.delete(currentUser.id(), id);
    }
}
