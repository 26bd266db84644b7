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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/embeddings")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class EmbeddingAdminResource {

    /** How far behind the catalog's vectors are. */
    public record Status(boolean enabled, long postingsWaiting, Instant oldestWaitingSince) {
    }

    /** The queued run. */
    public record Queued(UUID taskId) {
    }

    private final PostingEmbeddings embeddings;

    EmbeddingAdminResource(PostingEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @GET
    @Operation(summary = "Active postings waiting for a vector, and since when the oldest waits")
    public Status status() {
        PostingVectors.Backlog backlog = embeddings.backlog(true);
        return new Status(embeddings.enabled(), backlog.postings(), backlog.oldestSince());
    }

    @POST
    @Path("/run")
    @Operation(summary = "Queue an embedding run of new and changed postings now (the sweep's CronJob trigger); "
            + "409 when one is queued or running already, or embeddings are off")
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
