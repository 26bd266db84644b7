package io.atspro.storage;

import java.time.Instant;
import java.util.UUID;

/** A document's metadata as its owner sees it (never its storage key). */
public record DocumentView(UUID id, String kind, String filename, String contentType, long sizeBytes, String sha256,
                           UUID resumeId, UUID jobId, UUID applicationId, Instant createdAt) {

    static DocumentView of(Document d) {
        return new DocumentView(d.id, d.kind, d.filename, d.contentType, d.sizeBytes, d.sha256, d.resumeId, d.jobId,
                d.applicationId, d.createdAt);
    }
}
