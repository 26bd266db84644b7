package io.atspro.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A user's ranked list in Redis ({@code jobs:recommendations:{user_id}}), dropped when what it was made of changes
 * (resume, profile, dismissals, mutes). New vectors in the catalog bump one counter
 * ({@code jobs:recommendations:epoch}) instead of dropping every user's entry: an entry of an older epoch is not
 * used. A drop also bumps the user's own counter ({@code jobs:recommendations:{user_id}:version}): a list computed
 * from what was there before the change, and cached after it was dropped, carries the older version and is not
 * used either. Read all three in one round trip. With Redis down, every request computes its list.
 */
@ApplicationScoped
class RecommendationCache {

    static final String EPOCH = "jobs:recommendations:epoch";
    private static final Logger LOG = Logger.getLogger(RecommendationCache.class);

    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final RecommendationConfig config;

    RecommendationCache(RedisDataSource redis, RedisGuard guard, ObjectMapper json, RecommendationConfig config) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.guard = guard;
        this.json = json;
        this.config = config;
    }

    static String key(String userId) {
        return "jobs:recommendations:" + userId;
    }

    static String versionKey(String userId) {
        return key(userId) + ":version";
    }

    /**
     * The cached list when it is of the current epoch and the user's current version; and those two (-1 when Redis
     * is down).
     */
    record Lookup(Optional<RecommendationViews.Ranked> ranked, long epoch, long version) {
    }

    Lookup get(String userId) {
        Map<String, String> found = guard.call(() -> values.mget(key(userId), EPOCH, versionKey(userId)), null);
        if (found == null) {
            return new Lookup(Optional.empty(), -1, -1);
        }
        long epoch = found.get(EPOCH) == null ? 0 : Long.parseLong(found.get(EPOCH));
        long version = found.get(versionKey(userId)) == null ? 0 : Long.parseLong(found.get(versionKey(userId)));
        String cached = found.get(key(userId));
        if (cached == null) {
            return new Lookup(Optional.empty(), epoch, version);
        }
        try {
            RecommendationViews.Ranked ranked = json.readValue(cached, RecommendationViews.Ranked.class);
            boolean current = ranked.epoch() == epoch && ranked.version() == version;
            return new Lookup(current ? Optional.of(ranked) : Optional.empty(), epoch, version);
        } catch (JsonProcessingException e) {
            LOG.debugf("Dropping unreadable cached recommendations of %s", userId);
            return new Lookup(Optional.empty(), epoch, version);
        }
    }

    void put(String userId, RecommendationViews.Ranked ranked) {
        if (ranked.epoch() < 0 || ranked.version() < 0) {
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
        // outlives any list cached under the old version (twice the list's lifetime, from the last change)
        long keep = 2 * config.cacheTtl().toSeconds();
        guard.run(() -> {
            values.incr(versionKey(userId));
            keys.expire(versionKey(userId), keep);
        });
        guard.delete(key(userId));
    }

    /** Every user's list is stale (new vectors in the catalog). */
    void newEpoch() {
        guard.run(() -> values.incr(EPOCH));
    }
}
