package io.atspro.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Read-through cache of {@code GET /me} in Redis ({@code user:profile:{id}}), dropped after every committed change. */
@ApplicationScoped
class ProfileCache {

    private static final Logger LOG = Logger.getLogger(ProfileCache.class);

    private final ValueCommands<String, String> values;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final long ttlSeconds;

    ProfileCache(RedisDataSource redis, RedisGuard guard, ObjectMapper json,
                 @ConfigProperty(name = "atspro.identity.profile-cache-ttl", defaultValue = "5M") Duration ttl) {
        this.values = redis.value(String.class);
        this.guard = guard;
        this.json = json;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    static String key(String userId) {
        return "user:profile:" + userId;
    }

    Optional<Views.Me> get(String userId) {
        String cached = guard.call(() -> values.get(key(userId)), null);
        if (cached == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(cached, Views.Me.class));
        } catch (JsonProcessingException e) {
            LOG.debugf("Dropping unreadable cached profile of %s", userId);
            return Optional.empty();
        }
    }

    void put(String userId, Views.Me me) {
        try {
            String value = json.writeValueAsString(me);
            guard.run(() -> values.setex(key(userId), ttlSeconds, value));
        } catch (JsonProcessingException e) {
            LOG.warnf("Could not cache the profile of %s: %s", userId, e.getOriginalMessage());
        }
    }

    void onUserChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged change) {
        guard.delete(key(change.userId()));
    }
}
