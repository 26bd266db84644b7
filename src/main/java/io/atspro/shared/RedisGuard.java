package io.atspro.shared;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Redis is a cache and a bus, never needed to answer a request. Every Redis call goes through
 * {@link #call}: a failure yields the fallback, and for a short pause afterwards Redis is not even
 * tried, so a dead Redis costs requests nothing but the first timeout.
 *
 * <p>Cache entries are dropped with {@link #delete}. One that cannot be dropped (Redis unreachable, but its
 * data intact: a partition, a failover, a restart from a snapshot) is remembered, and dropped before anything
 * else is asked of Redis again, so this pod never reads back a value its own writes made stale.
 */
@ApplicationScoped
public class RedisGuard {

    private static final Logger LOG = Logger.getLogger(RedisGuard.class);
    /** Keys kept to drop later; past this, the oldest wait for their TTL (and a warning says so). */
    static final int MAX_PENDING_DELETES = 100_000;

    private final long pauseNanos;
    private final AtomicLong pausedUntil = new AtomicLong(0);
    private final KeyCommands<String> keys;
    private final Set<String> pendingDeletes = ConcurrentHashMap.newKeySet();

    RedisGuard(@ConfigProperty(name = "atspro.redis.pause-after-failure", defaultValue = "PT2S") java.time.Duration pause,
               RedisDataSource redis) {
        this.pauseNanos = pause.toNanos();
        this.keys = redis.key();
    }

    public <T> T call(Supplier<T> action, T fallback) {
        long until = pausedUntil.get();
        if (until != 0 && System.nanoTime() - until < 0) {
            return fallback;
        }
        try {
            if (!pendingDeletes.isEmpty()) {
                deletePending();
            }
            T result = action.get();
            if (until != 0 && pausedUntil.compareAndSet(until, 0)) {
                LOG.info("Redis is reachable again"); // once, by the thread that ended the pause
            }
            return result;
        } catch (RuntimeException e) {
            if (poolBusy(e)) {
                // this pod's own connection pool has more waiters than it queues: Redis answers, so this call
                // goes without it and the next ones try again; a pause would send every cached read to PostgreSQL
                // at the moment the pod is busiest
                return fallback;
            }
            if (pausedUntil.getAndSet(System.nanoTime() + pauseNanos) == 0) {
                LOG.warnf("Redis unavailable, serving without it: %s", e.getMessage());
            }
            return fallback;
        }
    }

    public void run(Runnable action) {
        call(() -> {
            action.run();
            return Boolean.TRUE;
        }, Boolean.FALSE);
    }

    /** Drops cache entries now, or, when Redis does not answer, before Redis is used again. */
    public void delete(String... cacheKeys) {
        boolean deleted = call(() -> {
            keys.del(cacheKeys);
            return Boolean.TRUE;
        }, Boolean.FALSE);
        if (!deleted) {
            if (pendingDeletes.size() + cacheKeys.length > MAX_PENDING_DELETES) {
                LOG.warnf("%d cache entries wait to be dropped; %s will expire by TTL instead",
                        pendingDeletes.size(), String.join(", ", cacheKeys));
                return;
            }
            pendingDeletes.addAll(List.of(cacheKeys));
        }
    }

    private void deletePending() {
        List<String> batch = new ArrayList<>(pendingDeletes);
        for (int from = 0; from < batch.size(); from += 1000) {
            List<String> part = batch.subList(from, Math.min(batch.size(), from + 1000));
            keys.del(part.toArray(String[]::new));
            part.forEach(pendingDeletes::remove);
        }
        LOG.infof("Dropped %d cache entries that changed while Redis was unreachable", batch.size());
    }

    private static boolean poolBusy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionPoolTooBusyException) {
                return true;
            }
        }
        return false;
    }

    /** True while Redis is considered down. */
    public boolean paused() {
        long until = pausedUntil.get();
        return until != 0 && System.nanoTime() - until < 0;
    }
}
