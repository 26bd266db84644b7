package io.atspro.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisChannel;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;
import java.time.Duration;
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
    private final IdentityCache cache;
    private final ObjectMapper json;
    private final RedisChannel channel;

    IdentityBus(RedisDataSource redis, RedisGuard guard, IdentityCache cache, ObjectMapper json) {
        this.cache = cache;
        this.json = json;
        this.channel = new RedisChannel(redis, guard, CHANNEL, this::received, Duration.ofSeconds(5));
    }

    void start(@Observes StartupEvent started) {
        channel.maintain();
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void maintain() {
        channel.maintain();
    }

    /** True while messages from the other pods reach this one. */
    boolean live() {
        return channel.live();
    }

    void onSessionRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionRevoked revoked) {
        publish("session", revoked.sessionTokenHash());
    }

    void onUserErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserErased erased) {
        publish("user", erased.userId());
    }

    private void publish(String kind, String value) {
        channel.publish(json.createObjectNode().put("pod", pod).put(kind, value).toString());
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
