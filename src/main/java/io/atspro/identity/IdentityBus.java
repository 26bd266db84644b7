package io.atspro.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Tells the other pods when a session is revoked or a user erased, so none keeps trusting its cached identity for
 * the rest of {@code atspro.identity.cache-ttl}. The pod that made the change has forgotten it already; when Redis
 * is down, the cache's TTL is the bound.
 */
@ApplicationScoped
class IdentityBus {

    static final String CHANNEL = "atspro:identity";
    private static final Logger LOG = Logger.getLogger(IdentityBus.class);

    private final String pod = UUID.randomUUID().toString();
    private final RedisDataSource redis;
    private final RedisGuard guard;
    private final IdentityCache cache;
    private final ObjectMapper json;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    IdentityBus(RedisDataSource redis, RedisGuard guard, IdentityCache cache, ObjectMapper json) {
        this.redis = redis;
        this.guard = guard;
        this.cache = cache;
        this.json = json;
    }

    void start(@Observes StartupEvent started) {
        subscribe();
    }

    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void subscribe() {
        if (subscribed.get()) {
            return;
        }
        try {
            redis.pubsub(String.class).subscribe(CHANNEL, this::received);
            subscribed.set(true);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot subscribe to %s yet (%s); other pods' revocations reach this one within the cache TTL",
                    CHANNEL, e.getMessage());
        }
    }

    void onSessionRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionRevoked revoked) {
        publish("session", revoked.sessionTokenHash());
    }

    void onUserErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserErased erased) {
        publish("user", erased.userId());
    }

    private void publish(String kind, String value) {
        String message = json.createObjectNode().put("pod", pod).put(kind, value).toString();
        guard.run(() -> redis.pubsub(String.class).publish(CHANNEL, message));
    }

    void received(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (pod.equals(node.path("pod").asText())) {
                return;
            }
            if (node.hasNonNull("user")) {
                cache.forgetUser(node.get("user").asText());
            }
            if (node.hasNonNull("session")) {
                cache.forgetSession(node.get("session").asText());
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring a malformed message on %s: %s", CHANNEL, e.getMessage());
        }
    }
}
