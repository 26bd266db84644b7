package io.atspro.identity;

import io.atspro.shared.RateLimitedException;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A fixed one-minute window per user, counted in Redis so every pod shares it. Without Redis the
 * limiter lets traffic through: it protects the service, it must never be what takes it down.
 *
 * <p>A pod does not ask Redis on every request: it counts its own requests and adds them to the shared count
 * ({@code INCRBY}) at the first request of a window, every {@code limit / 50} requests, when the count it last read
 * is older than a second, and on every request once the user is within that many of the limit. Within one pod the
 * limit is exact; requests another pod counted are seen within a second (or a batch), so all pods together let
 * through at most a batch per pod and a second of traffic more than the limit. That saves a Redis round trip on
 * nearly every request.
 */
@ApplicationScoped
class RateLimiter {

    private static final long STALE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_WINDOWS = 50_000;

    /** This pod's view of one user's current window. */
    private static final class Window {
        final long number;
        /** The shared count Redis last answered: every pod's requests, this one's included; 0 = not asked yet. */
        long counted;
        /** This pod's requests since then. */
        long unsent;
        long askedAtNanos;

        Window(long number) {
            this.number = number;
        }
    }

    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;
    private final RedisGuard guard;
    private final Clock clock;
    private final int limit;
    private final int batch;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(RedisDataSource redis, RedisGuard guard, Clock clock, RateLimitConfig config) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.guard = guard;
        this.clock = clock;
        this.limit = config.requestsPerMinute();
        this.batch = Math.max(1, limit / 50);
    }

    void check(String identityKey) {
        if (limit <= 0) {
            return;
        }
        long epochSecond = clock.instant().getEpochSecond();
        long number = epochSecond / 60;
        Window window = windows.compute(identityKey,
                (key, current) -> current != null && current.number == number ? current : new Window(number));
        long count;
        synchronized (window) {
            window.unsent++;
            if (window.counted == 0 || window.unsent >= batch || window.counted + window.unsent > limit - batch
                    || System.nanoTime() - window.askedAtNanos >= STALE_AFTER_NANOS) {
                long add = window.unsent;
                String key = "ratelimit:" + identityKey + ":" + number;
                long total = guard.call(() -> {
                    long n = counters.incrby(key, add);
                    if (n == add) {
                        keys.expire(key, 61);
                    }
                    return n;
                }, 0L);
                // 0: Redis did not answer, and the limiter is open until it does (this pod's count starts afresh)
                window.counted = total;
                window.unsent = 0;
                window.askedAtNanos = System.nanoTime();
            }
            count = window.counted + window.unsent;
        }
        if (windows.size() > MAX_WINDOWS) {
            windows.values().removeIf(old -> old.number < number);
            if (windows.size() > MAX_WINDOWS) {
                // that many users in one minute: start the pod's view afresh rather than scan it on every request
                // (each window asks Redis again on its next request, so at most a batch per user goes uncounted)
                windows.clear();
            }
        }
        if (count > limit) {
            throw new RateLimitedException(Math.max(1, (number + 1) * 60 - epochSecond));
        }
    }
}
