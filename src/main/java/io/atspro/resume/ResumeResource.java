package io.atspro.resume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/resumes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "resumes")
public class ResumeResource {

    private final ResumeService resumes;
    private final CurrentUser currentUser;

    ResumeResource(ResumeService resumes, CurrentUser currentUser) {
        this.resumes = resumes;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadResume", summary = "Upload a resume file",
            description = "A PDF, DOCX, text or Markdown resume (the type is read from the content): it is stored and "
                    + "parsed in the background (202, follow task_id); the parsed resume carries its parse_warnings.")
    @APIResponse(responseCode = "202", description = "Stored; parsing runs in the background (follow task_id); Location names the resume",
            content = @Content(schema = @Schema(implementation = ResumeView.class)))
    @APIResponse(responseCode = "413", description = "The upload is larger than allowed")
    @APIResponse(responseCode = "415", description = "The upload is not of an accepted type")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("title") @Size(max = 255) String title,
                           UriInfo uri) {
        if (file == null) {
            throw new InvalidInputException("file", "is required");
        }
        ResumeView created = resumes.upload(currentUser.id(), file.uploadedFile(), file.fileName(), title);
        return Response.accepted(created).location(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .build();
    }

    @POST
    @Path("/manual")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createManualResume", summary = "Create a resume typed by hand",
            description = "A resume from resume_data as the client typed it (no file, no parsing). Answers 201.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new resume",
            content = @Content(schema = @Schema(implementation = ResumeView.class)))
    public Response createManual(@NotNull @Valid ResumeRequests.ManualResume request, UriInfo uri) {
        ResumeView created = resumes.createManual(currentUser.id(), request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/resumes").path(created.id().toString()).build())
                .entity(created).build();
    }

    /**
     * The same as {@link #createManual} at the upload's path, as clients sent it before #20; left out of the
     * OpenAPI document, where an operation has one body (generators take only the first of two).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response create(@NotNull @Valid ResumeRequests.ManualResume request, UriInfo uri) {
        return createManual(request, uri);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importJsonResume", summary = "Import a JSON Resume",
            description = "Creates a resume from a JSON Resume (jsonresume.org) document. Answers 201.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new resume",
            content = @Content(schema = @Schema(implementation = ResumeView.class)))
    public Response importJsonResume(@NotNull JsonNode document, @QueryParam("title") @Size(max = 255) String title,
                                     UriInfo uri) {
        ResumeView created = resumes.importJsonResume(currentUser.id(), document, title);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/resumes").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listResumes", summary = "List resumes",
            description = "The caller's resumes, newest first, paged.")
    public Page<ResumeView> list(@QueryParam("status") @Pattern(regexp = "pending|parsing|parsed|failed|manual",
            message = "must be one of pending, parsing, parsed, failed, manual") String status,
                                 @Valid @BeanParam PageRequest page) {
        return resumes.list(currentUser.id(), status, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getResume", summary = "Get a resume",
            description = "One resume with its parsed data, parse status and warnings.")
    public ResumeView get(@PathParam("id") UUID id) {
        return resumes.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateResume", summary = "Update a resume",
            description = "Edits the title and/or replaces resume_data; bumps the version. 409 while it is still being parsed.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = ResumeView.class, responseDescription = "OK")
    public ResumeView edit(@PathParam("id") UUID id, @NotNull ObjectNode patch) throws JsonProcessingException {
        return resumes.edit(currentUser.id(), id, patch);
    }

    @POST
    @Path("/{id}/activate")
    @Operation(operationId = "activateResume", summary = "Make a resume active",
            description = "Makes this the active resume; the others stop being active.")
    public ResumeView activate(@PathParam("id") UUID id) {
        return resumes.activate(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteResume", summary = "Delete a resume",
            description = "Deletes the resume and its file.")
    public void delete(@PathParam("id") UUID id) {
        resumes.delete(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/export")
    @Produces({MediaType.APPLICATION_JSON, "text/markdown"})
    @Operation(operationId = "exportResume", summary = "Export a resume",
            description = "The resume as JSON Resume (format=json-resume) or Markdown (format=markdown).")
    public Response export(@PathParam("id") UUID id,
                           @QueryParam("format") @DefaultValue("json-resume")
                           @Pattern(regexp = "json-resume|markdown", message = "must be json-resume or markdown") String format)
            throws JsonProcessingException {
        if (format.equals("markdown")) {
            return Response.ok(resumes.exportMarkdown(currentUser.id(), id), "text/markdown; charset=utf-8").build();
        }
        return Response.ok(resumes.exportJsonResume(currentUser.id(), id), MediaType.APPLICATION_JSON).build();
    }
}
