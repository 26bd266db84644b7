package io.atspro.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Redis is a cache and a bus, never needed to answer a request. Every Redis call goes through
 * {@link #call}: a failure yields the fallback, and for a short pause afterwards Redis is not even
 * tried, so a dead Redis costs requests nothing but the first timeout.
 */
@ApplicationScoped
public class RedisGuard {

    private static final Logger LOG = Logger.getLogger(RedisGuard.class);

    private final long pauseNanos;
    private final AtomicLong pausedUntil = new AtomicLong(0);

    RedisGuard(@ConfigProperty(name = "atspro.redis.pause-after-failure", defaultValue = "PT2S") java.time.Duration pause) {
        this.pauseNanos = pause.toNanos();
    }

    public <T> T call(Supplier<T> action, T fallback) {
        long until = pausedUntil.get();
        if (until != 0 && System.nanoTime() - until < 0) {
            return fallback;
        }
        try {
            T result = action.get();
            if (until != 0) {
                pausedUntil.compareAndSet(until, 0);
                LOG.info("Redis is reachable again");
            }
            return result;
        } catch (RuntimeException e) {
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

    /** True while Redis is considered down. */
    public boolean paused() {
        long until = pausedUntil.get();
        return until != 0 && System.nanoTime() - until < 0;
    }
}
