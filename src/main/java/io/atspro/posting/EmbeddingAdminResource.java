package io.atspro.posting;

import io.atspro.shared.ConflictException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/embeddings")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class EmbeddingAdminResource {

    /** How far behind the catalog's vectors are. */
    @Schema(name = "EmbeddingBacklog")
    public record Status(boolean enabled, long postingsWaiting, Instant oldestWaitingSince) {
    }

    /** The queued run. */
    @Schema(name = "EmbeddingRunQueued")
    public record Queued(UUID taskId) {
    }

    private final PostingEmbeddings embeddings;

    EmbeddingAdminResource(PostingEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @GET
    @Operation(operationId = "getEmbeddingStatus", summary = "Embedding backlog",
            description = "Active postings waiting for a vector, and since when the oldest waits.")
    public Status status() {
        PostingVectors.Backlog backlog = embeddings.backlog(true);
        return new Status(embeddings.enabled(), backlog.postings(), backlog.oldestSince());
    }

    @POST
    @Path("/run")
    @Operation(operationId = "runEmbeddings", summary = "Embed waiting postings",
            description = "Embeds the postings that wait for a vector as a background task; 409 when embeddings are off or a run is queued.")
    @APIResponse(responseCode = "409", description = "The request conflicts with the current state (see the problem detail)")
    @APIResponseSchema(value = Queued.class, responseDescription = "OK")
    public Queued run() {
        if (!embeddings.enabled()) {
            throw new ConflictException("Embeddings are off (atspro.embedding.enabled=false)");
        }
        UUID task = embeddings.requestRun();
        if (task == null) {
            throw new ConflictException("An embedding run is queued or running already");
        }
        return new Queued(task);
    }
}
