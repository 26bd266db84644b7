package io.atspro.posting;

import io.atspro.shared.InProcessJobsDisabled;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The safety net of the catalog's vectors: queues an embedding run when postings wait for one. */
@ApplicationScoped
class EmbeddingSweep {

    private final PostingEmbeddings embeddings;

    EmbeddingSweep(PostingEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Scheduled(every = "{atspro.embedding.sweep-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = InProcessJobsDisabled.class)
    void sweep() {
        if (embeddings.enabled()) {
            embeddings.sweep();
        }
    }
}
