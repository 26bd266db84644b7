package io.atspro.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Read-through cache of {@code GET /me} in Redis ({@code user:profile:{id}}), dropped after every committed change.
 * A change also bumps the user's version ({@code user:profile:{id}:version}), and an entry carries the version it
 * was read under: a profile read from the database just before a change committed, and cached just after it was
 * dropped, is of the older version and never served (it was, until its TTL: a preference set by PATCH /me could be
 * missing from the next recommendations).
 */
@ApplicationScoped
class ProfileCache {

    private static final Logger LOG = Logger.getLogger(ProfileCache.class);

    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final long ttlSeconds;

    ProfileCache(RedisDataSource redis, RedisGuard guard, ObjectMapper json,
                 @ConfigProperty(name = "atspro.identity.profile-cache-ttl", defaultValue = "5M") Duration ttl) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.guard = guard;
        this.json = json;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    static String key(String userId) {
        return "user:profile:" + userId;
    }

    static String versionKey(String userId) {
        return key(userId) + ":version";
    }

    /** The cached profile when it is of the user's current version; and that version (-1 when Redis is down). */
    record Lookup(Optional<Views.Me> me, long version) {
    }

    Lookup get(String userId) {
        Map<String, String> found = guard.call(() -> values.mget(key(userId), versionKey(userId)), null);
        if (found == null) {
            return new Lookup(Optional.empty(), -1);
        }
        String stamp = found.get(versionKey(userId));
        long version = stamp == null ? 0 : Long.parseLong(stamp);
        String cached = found.get(key(userId));
        int newline = cached == null ? -1 : cached.indexOf('\n');
        if (newline < 0 || !cached.substring(0, newline).equals(Long.toString(version))) {
            return new Lookup(Optional.empty(), version);
        }
        try {
            return new Lookup(Optional.of(json.readValue(cached.substring(newline + 1), Views.Me.class)), version);
        } catch (JsonProcessingException e) {
            LOG.debugf("Dropping unreadable cached profile of %s", userId);
            return new Lookup(Optional.empty(), version);
        }
    }

    /** Caches a profile read under {@code version} (from {@link #get}). */
    void put(String userId, Views.Me me, long version) {
        if (version < 0) {
            return;
        }
        try {
            String value = version + "\n" + json.writeValueAsString(me);
            guard.run(() -> values.setex(key(userId), ttlSeconds, value));
        } catch (JsonProcessingException e) {
            LOG.warnf("Could not cache the profile of %s: %s", userId, e.getOriginalMessage());
        }
    }

    void onUserChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged change) {
        String userId = change.userId();
        // outlives any entry cached under the old version (twice an entry's lifetime, from the last change)
        guard.run(() -> {
            values.incr(versionKey(userId));
            keys.expire(versionKey(userId), 2 * ttlSeconds);
        });
        guard.delete(key(userId));
    }
}
