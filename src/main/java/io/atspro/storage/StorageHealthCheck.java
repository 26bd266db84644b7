package io.atspro.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness includes S3: a pod that cannot reach its bucket takes no traffic. */
@Readiness
@ApplicationScoped
class StorageHealthCheck implements HealthCheck {

    private final ObjectStorage storage;

    StorageHealthCheck(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("s3").status(storage.reachable()).build();
    }
}
