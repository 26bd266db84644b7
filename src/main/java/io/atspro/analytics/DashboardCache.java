package io.atspro.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.ExpireArgs;
import io.quarkus.redis.datasource.keys.KeyCommands;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A user's dashboards in one Redis hash, {@code analytics:dashboards:{userId}}, one field per dashboard and
 * parameters. Reading is one HGET; dropping everything of a user is one DEL. The hash expires a fixed time after
 * its first field was written (EXPIRE NX), so nothing in it is ever older than the TTL, however often it is read
 * or written. Every call goes through {@link RedisGuard}: with Redis down, reads miss and writes are skipped.
 */
class DashboardCache {

    private static final Logger LOG = Logger.getLogger(DashboardCache.class);

    private final HashCommands<String, String, String> hashes;
    private final KeyCommands<String> keys;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final long ttlSeconds;

    DashboardCache(RedisDataSource redis, RedisGuard guard, ObjectMapper json, Duration ttl) {
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.guard = guard;
        this.json = json;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    static String key(String userId) {
        return "analytics:dashboards:" + userId;
    }

    <T> Optional<T> get(String userId, String field, Class<T> type) {
        String cached = guard.call(() -> hashes.hget(key(userId), field), null);
        if (cached == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(cached, type));
        } catch (JsonProcessingException e) {
            LOG.debugf("Dropping an unreadable cached dashboard %s of %s", field, userId);
            return Optional.empty();
        }
    }

    void put(String userId, String field, Object value) {
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            LOG.warnf("Could not cache dashboard %s of %s: %s", field, userId, e.getOriginalMessage());
            return;
        }
        String key = key(userId);
        guard.run(() -> {
            hashes.hset(key, field, text);
            keys.expire(key, ttlSeconds, new ExpireArgs().nx());
        });
    }

    void evict(String userId) {
        guard.delete(key(userId));
    }
}
