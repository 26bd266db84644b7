package io.atspro.embedding;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/** Makes the one {@link Embedder} of the service, and loads its model in the background when a pod starts. */
@ApplicationScoped
public class Embeddings {

    private static final Logger LOG = Logger.getLogger(Embeddings.class);

    private final EmbeddingConfig config;

    Embeddings(EmbeddingConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    Embedder embedder() {
        // the tokenizer's native library is unpacked to DJL's cache: a new directory under the temporary one (the
        // only writable one of a pod with a read-only root filesystem) each time the application starts, since a
        // JVM loads one library file into one class loader only (tests restart the application in a new one);
        // and DJL never looks for anything online
        if (System.getenv("DJL_CACHE_DIR") == null) {
            try {
                System.setProperty("DJL_CACHE_DIR", java.nio.file.Files.createTempDirectory("atspro-djl").toString());
            } catch (java.io.IOException e) {
                System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
            }
        }
        System.setProperty("ai.djl.offline", "true");
        return new Embedder(config.maxChunks());
    }

    void warmUp(@Observes StartupEvent start, Embedder embedder) {
        if (!config.enabled()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            long started = System.nanoTime();
            try {
                embedder.load();
                LOG.infof("Embedding model %s loaded in %d ms", Embedder.MODEL, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                LOG.errorf("Could not load the embedding model %s: %s (search stays keyword-only)", Embedder.MODEL,
                        e.getMessage());
            }
        });
    }
}
