package io.atspro.posting;

import io.atspro.embedding.EmbeddingConfig;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the catalog's vectors keep up (wellness, {@code /q/health/well}, not readiness: a pod whose postings wait
 * for vectors still serves every request, keyword search included). Down when a posting has waited longer than
 * {@code atspro.embedding.max-lag}.
 */
@Wellness
@ApplicationScoped
class EmbeddingHealthCheck implements HealthCheck {

    private final PostingEmbeddings embeddings;
    private final EmbeddingConfig config;
    private final Clock clock;

    EmbeddingHealthCheck(PostingEmbeddings embeddings, EmbeddingConfig config, Clock clock) {
        this.embeddings = embeddings;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("embeddings");
        if (!config.enabled()) {
            return response.up().withData("enabled", false).build();
        }
        PostingVectors.Backlog backlog = embeddings.backlog(false);
        long waitedSeconds = backlog.oldestSince() == null ? 0
                : Math.max(0, Duration.between(backlog.oldestSince(), clock.instant()).toSeconds());
        return response.status(waitedSeconds <= config.maxLag().toSeconds())
                .withData("postings_waiting", backlog.postings())
                .withData("oldest_wait_seconds", waitedSeconds)
                .build();
    }
}
