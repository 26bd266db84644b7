package io.atspro.storage;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes sure the bucket exists, beside the start rather than on it: the bucket is checked (and made) on a worker
 * thread, so a pod scaling up from zero serves sooner. A write that comes first and finds no bucket
 * creates it itself ({@link ObjectStorage#put}).
 */
@ApplicationScoped
class BucketCheck {

    static final int LAST = Interceptor.Priority.PLATFORM_AFTER + 1000;

    private static final Logger LOG = Logger.getLogger(BucketCheck.class);

    // Last among the start-up observers (after Quarkus's own, which create the Redis clients on the main thread:
    // Quarkus's Redis recorder must not build them from two threads at once), then off the main thread.
    void onStart(@Observes @Priority(LAST) StartupEvent start, ObjectStorage storage, StorageConfig config) {
        CompletableFuture.runAsync(() -> {
            try {
                storage.ensureBucket();
            } catch (SdkException e) {
                // S3 being down must not keep the service from starting; readiness reports it.
                LOG.warnf("Bucket %s could not be checked at start: %s", config.bucket(), e.getMessage());
            }
        }, Infrastructure.getDefaultWorkerPool());
    }
}
