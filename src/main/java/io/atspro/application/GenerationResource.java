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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @Schema(name = "GeneratedContentEdit")
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
    @Operation(operationId = "generateContent", summary = "Generate a document",
            description = "Generates a cover letter or other content for a resume and a job (job_id) or an application (application_id). Counts against the plan's monthly quota.")
    @APIResponse(responseCode = "201", description = "Generated; Location names the new document",
            content = @Content(schema = @Schema(implementation = GenerationViews.ContentView.class)))
    @APIResponse(responseCode = "429", description = "The plan's monthly quota for this is used up")
    @APIResponse(responseCode = "502", description = "The text generation provider failed")
    @APIResponse(responseCode = "503", description = "The service it needs is unavailable; retry later")
    public Response generate(@NotNull @Valid GenerateRequest request, UriInfo uri) {
        GenerationViews.ContentView content = generation.generate(currentUser.id(), new GenerationService.Generate(
                ContentType.of(request.contentType()), request.resumeId(), request.jobId(), request.applicationId(),
                request.note()));
        return Response.created(uri.getAbsolutePathBuilder().path(content.id().toString()).build()).entity(content).build();
    }

    @GET
    @Operation(operationId = "listGeneratedContent", summary = "List generated documents",
            description = "The caller's generated content, newest first, paged.")
    public Page<GenerationViews.ContentView> list(
            @QueryParam("content_type") @Pattern(regexp = TYPES, message = TYPES_MESSAGE) String type,
            @QueryParam("application_id") UUID applicationId, @QueryParam("job_id") UUID jobId,
            @Valid @BeanParam PageRequest page) {
        return generation.list(currentUser.id(), type, applicationId, jobId, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGeneratedContent", summary = "Get a generated document",
            description = "One generated document with its text.")
    public GenerationViews.ContentView get(@PathParam("id") UUID id) {
        return generation.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "editGeneratedContent", summary = "Edit a generated document",
            description = "Replaces the text of a generated document and marks it user_edited.")
    public GenerationViews.ContentView edit(@PathParam("id") UUID id, @NotNull @Valid EditRequest request) {
        return generation.edit(currentUser.id(), id, request.contentText());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveGeneratedContent", summary = "Approve a generated document",
            description = "Marks a generated document as approved for use.")
    public GenerationViews.ContentView approve(@PathParam("id") UUID id) {
        return generation.approve(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteGeneratedContent", summary = "Delete a generated document",
            description = "Deletes a generated document.")
    public void delete(@PathParam("id") UUID id) {
        generation.delete(currentUser.id(), id);
    }
}
