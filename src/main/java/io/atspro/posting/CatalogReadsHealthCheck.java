package io.atspro.posting;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where catalog reads go ({@link CatalogReads}), in readiness's details: {@code reads} is {@code replica},
 * {@code primary} (no read replica configured), {@code primary (replica unreachable)}, {@code primary (replica lagging)}
 * or {@code primary (no replica connection in time)}; with a replica, how far behind the primary it replays. Always UP: a replica that
 * is down or behind sends reads to the primary, so the pod still serves every request; its own readiness check
 * ("Database connections health check") is the primary's.
 */
@Readiness
@ApplicationScoped
class CatalogReadsHealthCheck implements HealthCheck {

    private final CatalogReads reads;

    CatalogReadsHealthCheck(CatalogReads reads) {
        this.reads = reads;
    }

    @Override
    public HealthCheckResponse call() {
        CatalogReads.Status status = reads.check();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("catalog reads").up()
                .withData("replica_configured", status.configured())
                .withData("reads", status.reads());
        if (status.configured()) {
            if (status.inRecovery() != null) {
                response.withData("replica_in_recovery", status.inRecovery());
            }
            if (status.lagSeconds() != null) {
                response.withData("replay_lag_seconds", Math.round(status.lagSeconds()));
            }
            if (status.lagBytes() != null) {
                response.withData("replay_lag_bytes", status.lagBytes());
            }
        }
        return response.build();
    }
}
