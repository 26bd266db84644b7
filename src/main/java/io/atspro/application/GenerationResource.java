package io.atspro.application;

import io.atspro.application.generation.ContentType;
import io.atspro.identity.CurrentUser;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/generated")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "generated", description = "Cover letters, follow-up emails and tailored resumes")
public class GenerationResource {

    static final String TYPES = "cover_letter|follow_up_email|tailored_resume";
    static final String TYPES_MESSAGE = "must be one of cover_letter, follow_up_email, tailored_resume";

    public record GenerateRequest(@NotNull @Pattern(regexp = TYPES, message = TYPES_MESSAGE) String contentType,
                                  @NotNull UUID resumeId, UUID jobId, UUID applicationId,
                                  @Size(max = 2000) String note) {
    }

    public record EditRequest(@NotBlank @Size(max = 50_000) String contentText) {
    }

    private final GenerationService generation;
    private final CurrentUser currentUser;

    GenerationResource(GenerationService generation, CurrentUser currentUser) {
        this.generation = generation;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate for a resume and a job (job_id) or an application (application_id)")
    public Response generate(@NotNull @Valid GenerateRequest request, UriInfo uri) {
        GenerationViews.ContentView content = generation.generate(currentUser.id(), new GenerationService.Generate(
                ContentType.of(request.contentType()), request.resumeId(), request.jobId(), request.applicationId(),
                request.note()));
        return Response.created(uri.getAbsolutePathBuilder().path(content.id().toString()).build()).entity(content).build();
    }

    @GET
    public Page<GenerationViews.ContentView> list(
            @QueryParam("content_type") @Pattern(regexp = TYPES, message = TYPES_MESSAGE) String type,
            @QueryParam("application_id") UUID applicationId, @QueryParam("job_id") UUID jobId,
            @Valid @BeanParam PageRequest page) {
        return generation.list(currentUser.id(), type, applicationId, jobId, page);
    }

    @GET
    @Path("/{id}")
    public GenerationViews.ContentView get(@PathParam("id") UUID id) {
        return generation.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Edit the text (marks it user_edited)")
    public GenerationViews.ContentView edit(@PathParam("id") UUID id, @NotNull @Valid EditRequest request) {
        return generation.edit(currentUser.id(), id, request.contentText());
    }

    @POST
    @Path("/{id}/approve")
    public GenerationViews.ContentView approve(@PathParam("id") UUID id) {
        return generation.approve(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") UUID id) {
        generation.delete(currentUser.id(), id);
    }
}
