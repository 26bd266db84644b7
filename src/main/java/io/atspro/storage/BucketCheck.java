package io.atspro.storage;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes sure the bucket exists, beside the start rather than on it: the S3 client is built and the bucket checked
 * on a worker thread, so a pod scaling up from zero serves sooner. A write that comes first and finds no bucket
 * creates it itself ({@link ObjectStorage#put}).
 */
@ApplicationScoped
class BucketCheck {

    private static final Logger LOG = Logger.getLogger(BucketCheck.class);

    void onStart(@Observes StartupEvent start, Provider<ObjectStorage> storage, StorageConfig config) {
        CompletableFuture.runAsync(() -> {
            try {
                storage.get().ensureBucket();
            } catch (SdkException e) {
                // S3 being down must not keep the service from starting; readiness reports it.
                LOG.warnf("Bucket %s could not be checked at start: %s", config.bucket(), e.getMessage());
            }
        }, Infrastructure.getDefaultWorkerPool());
    }
}
