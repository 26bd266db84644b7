package io.atspro.identity;

import io.atspro.shared.RateLimitedException;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * A fixed one-minute window per user, counted in Redis so every pod shares it. Without Redis the
 * limiter lets traffic through: it protects the service, it must never be what takes it down.
 */
@ApplicationScoped
class RateLimiter {

    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;
    private final RedisGuard guard;
    private final Clock clock;
    private final int limit;

    RateLimiter(RedisDataSource redis, RedisGuard guard, Clock clock, RateLimitConfig config) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.guard = guard;
        this.clock = clock;
        this.limit = config.requestsPerMinute();
    }

    void check(String identityKey) {
        if (limit <= 0) {
            return;
        }
        long epochSecond = clock.instant().getEpochSecond();
        long window = epochSecond / 60;
        String key = "ratelimit:" + identityKey + ":" + window;
        long count = guard.call(() -> {
            long n = counters.incr(key);
            if (n == 1) {
                keys.expire(key, 61);
            }
            return n;
        }, 0L);
        if (count > limit) {
            throw new RateLimitedException(Math.max(1, (window + 1) * 60 - epochSecond));
        }
    }
}
