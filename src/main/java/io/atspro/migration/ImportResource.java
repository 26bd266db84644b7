package io.atspro.migration;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/admin/imports")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ImportResource {

    /** A server-side export: the name of a directory in {@code atspro.migration.import-dir}. */
    public record DirectoryImport(@NotNull String directory) {
    }

    private final ImportService imports;
    private final CurrentUser currentUser;

    ImportResource(ImportService imports, CurrentUser currentUser) {
        this.imports = imports;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/arangodb")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a zip of arangoexport files (<collection>.json or .jsonl) of ATSPro's ArangoDB; "
            + "re-importing the same export changes nothing. Answers the run with its summary")
    public ImportRunView importZip(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw new InvalidInputException("file", "is required");
        }
        return imports.importZip(currentUser.id(), file.uploadedFile(), file.fileName());
    }

    @POST
    @Path("/arangodb")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importArangoExport", summary = "Import an ATSPro export",
            description = "Imports an ArangoDB export of the earlier ATSPro, uploaded as a zip or named by {\"directory\"} under atspro.migration.import-dir.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponse(responseCode = "413", description = "The upload is larger than allowed")
    @APIResponse(responseCode = "415", description = "The upload is not of an accepted type")
    @APIResponseSchema(value = ImportRunView.class, responseDescription = "OK")
    public ImportRunView importDirectory(@NotNull @Valid DirectoryImport request) {
        return imports.importDirectory(currentUser.id(), request.directory());
    }

    @GET
    @Operation(operationId = "listImportRuns", summary = "List imports",
            description = "Past imports, newest first, with who ran them and their summaries.")
    public Page<ImportRunView> runs(@Valid @BeanParam PageRequest page) {
        return imports.runs(page);
    }
}
