package io.atspro.shared;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A Redis pub/sub channel this pod both publishes to and listens on, kept alive: {@link #maintain()}, called
 * periodically, subscribes when not subscribed and sends itself a ping; a subscription that has not heard a ping
 * for a period (Redis restarted, the connection dropped) is replaced, the new one before the old goes.
 */
public final class RedisChannel {

    private static final Logger LOG = Logger.getLogger(RedisChannel.class);

    private final RedisDataSource redis;
    private final RedisGuard guard;
    private final String name;
    private final Consumer<String> onMessage;
    private final long periodNanos;
    private final String ping = "ping " + UUID.randomUUID();
    private PubSubCommands.RedisSubscriber subscriber;
    private volatile long lastPingHeard;
    /** When the oldest ping not heard yet was sent; 0 when every ping came back. */
    private volatile long pendingSince;
    private long subscribedAt;

    public RedisChannel(RedisDataSource redis, RedisGuard guard, String name, Consumer<String> onMessage,
            java.time.Duration period) {
        this.redis = redis;
        this.guard = guard;
        this.name = name;
        this.onMessage = onMessage;
        this.periodNanos = period.toNanos();
    }

    public void publish(String message) {
        guard.run(() -> redis.pubsub(String.class).publish(name, message));
    }

    /** True while this pod hears its own pings: messages from the other pods reach it. */
    public boolean live() {
        return subscriber != null && pendingSince == 0 && lastPingHeard > subscribedAt;
    }

    public synchronized void maintain() {
        long now = System.nanoTime();
        long pending = pendingSince;
        boolean stale = subscriber != null && pending != 0 && now - pending > periodNanos;
        if (subscriber == null || stale) {
            try {
                PubSubCommands.RedisSubscriber fresh = redis.pubsub(String.class).subscribe(name, this::received);
                PubSubCommands.RedisSubscriber old = subscriber;
                subscriber = fresh;
                subscribedAt = now;
                pendingSince = 0;
                if (old != null) {
                    LOG.infof("Resubscribed to %s (the old subscription stopped hearing)", name);
                    try {
                        old.unsubscribe();
                    } catch (RuntimeException ignored) {
                        // its connection is gone already
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Cannot subscribe to %s yet: %s", name, e.getMessage());
                return;
            }
        }
        if (pendingSince == 0) {
            pendingSince = System.nanoTime();
        }
        publish(ping);
    }

    private void received(String message) {
        if (message.startsWith("ping ")) {
            if (message.equals(ping)) {
                lastPingHeard = System.nanoTime();
                pendingSince = 0;
            }
            return;
        }
        onMessage.accept(message);
    }
}
