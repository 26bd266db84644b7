package io.atspro.storage;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/documents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents", description = "The caller's files")
public class DocumentResource {

    static final String KIND = "resume|cover_letter|portfolio|other";
    static final String KIND_MESSAGE = "must be one of resume, cover_letter, portfolio, other";

    private final DocumentService documents;
    private final CurrentUser currentUser;

    DocumentResource(DocumentService documents, CurrentUser currentUser) {
        this.documents = documents;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadDocument", summary = "Upload a document",
            description = "Uploads a file (PDF, DOCX, plain text, Markdown or JSON; the type is read from the content, not the name). Answers 201.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the new document",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "413", description = "The upload is larger than allowed")
    @APIResponse(responseCode = "415", description = "The upload is not of an accepted type")
    public Response upload(@RestForm("file") FileUpload file,
                           @RestForm("kind") @Pattern(regexp = KIND, message = KIND_MESSAGE) String kind,
                           UriInfo uri) {
        if (file == null) {
            throw new InvalidInputException("file", "is required");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "is required");
        }
        DocumentView created = documents.upload(currentUser.id(), file.uploadedFile(), file.fileName(), kind);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listDocuments", summary = "List documents",
            description = "The caller's documents, newest first.")
    public Page<DocumentView> list(@QueryParam("kind") @Pattern(regexp = KIND, message = KIND_MESSAGE) String kind,
                                   @QueryParam("resume_id") UUID resumeId, @Valid @BeanParam PageRequest page) {
        return documents.list(currentUser.id(), kind, resumeId, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDocument", summary = "Get a document",
            description = "One document's metadata.")
    public DocumentView get(@PathParam("id") UUID id) {
        return documents.get(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/download")
    @Operation(operationId = "getDocumentDownloadLink", summary = "Download link",
            description = "A short-lived presigned URL that downloads the file from storage.")
    public DownloadLink download(@PathParam("id") UUID id) {
        return documents.downloadLink(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteDocument", summary = "Delete a document",
            description = "Deletes the document and its file.")
    public void delete(@PathParam("id") UUID id) {
        documents.delete(currentUser.id(), id);
    }
}
