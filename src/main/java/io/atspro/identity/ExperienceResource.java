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
    @Operation(operationId = "listExperiences", summary = "List work experiences",
            description = "The caller's work experiences, newest first, paged.")
    public Page<Views.Experience> list(@Valid @BeanParam PageRequest page) {
        return experiences.list(currentUser.id(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getExperience", summary = "Get a work experience",
            description = "One of the caller's work experiences.")
    public Views.Experience get(@PathParam("id") UUID id) {
        return experiences.get(currentUser.id(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createExperience", summary = "Add a work experience",
            description = "Adds a work experience to the caller's profile. Answers 201 with a Location header.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new experience",
            content = @Content(schema = @Schema(implementation = Views.Experience.class)))
    public Response create(@NotNull @Valid Requests.ExperienceRequest request, UriInfo uri) {
        Views.Experience created = experiences.create(currentUser.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceExperience", summary = "Replace a work experience",
            description = "Replaces every field of a work experience.")
    public Views.Experience update(@PathParam("id") UUID id, @NotNull @Valid Requests.ExperienceRequest request) {
        return experiences.update(currentUser.id(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteExperience", summary = "Delete a work experience",
            description = "Deletes a work experience.")
    public void delete(@PathParam("id") UUID id) {
        experiences.delete(currentUser.id(), id);
    }
}
