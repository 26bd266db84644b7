package io.atspro.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A user's ranked list in Redis ({@code jobs:recommendations:{user_id}}), dropped when what it was made of changes
 * (resume, profile, dismissals, mutes). New vectors in the catalog bump one counter
 * ({@code jobs:recommendations:epoch}) instead of dropping every user's entry: an entry of an older epoch is not
 * used. Read both in one round trip. With Redis down, every request computes its list.
 */
@ApplicationScoped
class RecommendationCache {

    static final String EPOCH = "jobs:recommendations:epoch";
    private static final Logger LOG = Logger.getLogger(RecommendationCache.class);

    private final ValueCommands<String, String> values;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final RecommendationConfig config;

    RecommendationCache(RedisDataSource redis, RedisGuard guard, ObjectMapper json, RecommendationConfig config) {
        this.values = redis.value(String.class);
        this.guard = guard;
        this.json = json;
        this.config = config;
    }

    static String key(String userId) {
        return "jobs:recommendations:" + userId;
    }

    /** The cached list when it is of the current epoch; and the current epoch (-1 when Redis is down). */
    record Lookup(Optional<RecommendationViews.Ranked> ranked, long epoch) {
    }

    Lookup get(String userId) {
        Map<String, String> found = guard.call(() -> values.mget(key(userId), EPOCH), null);
        if (found == null) {
            return new Lookup(Optional.empty(), -1);
        }
        long epoch = found.get(EPOCH) == null ? 0 : Long.parseLong(found.get(EPOCH));
        String cached = found.get(key(userId));
        if (cached == null) {
            return new Lookup(Optional.empty(), epoch);
        }
        try {
            RecommendationViews.Ranked ranked = json.readValue(cached, RecommendationViews.Ranked.class);
            return new Lookup(ranked.epoch() == epoch ? Optional.of(ranked) : Optional.empty(), epoch);
        } catch (JsonProcessingException e) {
            LOG.debugf("Dropping unreadable cached recommendations of %s", userId);
            return new Lookup(Optional.empty(), epoch);
        }
    }

    void put(String userId, RecommendationViews.Ranked ranked) {
        if (ranked.epoch() < 0) {
            return;
        }
        try {
            String value = json.writeValueAsString(ranked);
            guard.run(() -> values.setex(key(userId), config.cacheTtl().toSeconds(), value));
        } catch (JsonProcessingException e) {
            LOG.warnf("Could not cache the recommendations of %s: %s", userId, e.getOriginalMessage());
        }
    }

    void drop(String userId) {
        guard.delete(key(userId));
    }

    /** Every user's list is stale (new vectors in the catalog). */
    void newEpoch() {
        guard.run(() -> values.incr(EPOCH));
    }
}
