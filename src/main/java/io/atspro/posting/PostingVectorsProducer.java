package io.atspro.posting;

import io.atspro.embedding.EmbeddingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's one {@link PostingVectors} (it caches the index's centroids). */
@ApplicationScoped
class PostingVectorsProducer {

    @Produces
    @Singleton
    PostingVectors postingVectors(EmbeddingConfig config) {
        return new PostingVectors(config.indexMinRows(), config.rowsPerList(), config.probes());
    }
}
