package io.atspro.application;

import java.time.Instant;
import java.util.UUID;

/** Response bodies of the generated-content API. */
public final class GenerationViews {

    private GenerationViews() {
    }

    public record ContentView(UUID id, String contentType, String contentText, UUID resumeId, UUID jobId,
                              UUID applicationId, String modelUsed, int tokensUsed, String generationPrompt,
                              boolean userApproved, boolean userEdited, Instant createdAt, Instant updatedAt) {
    }

    static ContentView of(GeneratedContent c) {
        return new ContentView(c.id, c.contentType, c.contentText, c.resumeId, c.jobId, c.applicationId, c.modelUsed,
                c.tokensUsed, c.generationPrompt, c.userApproved, c.userEdited, c.createdAt, c.updatedAt);
    }
}
