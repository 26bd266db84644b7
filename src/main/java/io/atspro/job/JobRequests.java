package io.atspro.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the jobs API. Exactly one source per create. */
public final class JobRequests {

    private JobRequests() {
    }

    /** {@code POST /jobs}: {@code parsed_data} (by hand), {@code url}, {@code document_id}, or {@code posting_id}. */
    public record CreateJob(@Valid JobDetails parsedData, @Size(max = 2048) String url, UUID documentId, UUID postingId,
                            @Size(max = 10_000) String notes) {
    }

    @Schema(name = "JobPatch")
    public record PatchJob(@Valid JobDetails parsedData, @Size(max = 10_000) String notes) {
    }
}
