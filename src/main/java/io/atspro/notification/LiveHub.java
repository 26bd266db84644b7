package io.atspro.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.shared.RedisChannel;
import io.atspro.shared.RedisGuard;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Live delivery: the open notification streams of this pod, and the Redis channel that carries every new
 * notification to every pod. A notification is sent to this pod's streams directly and published for the
 * others; when Redis is down the other pods' clients get it when they reconnect (Last-Event-ID).
 */
@ApplicationScoped
class LiveHub {

    static final String CHANNEL = "atspro:notifications";
    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    /** A notification ready for live delivery; observed after the creating transaction commits. */
    record Ready(String userId, NotificationView view) {
    }

    /** How soon a client whose stream this pod ended because it is stopping should reconnect (to another pod). */
    private static final long RECONNECT_MILLIS = 1_000;

    private final String pod = UUID.randomUUID().toString();
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final ObjectMapper json;
    private final RedisChannel channel;

    LiveHub(RedisDataSource redis, RedisGuard guard, ObjectMapper json,
            @ConfigProperty(name = "atspro.notifications.heartbeat") java.time.Duration heartbeat) {
        this.json = json;
        this.channel = new RedisChannel(redis, guard, CHANNEL, this::fromRedis, heartbeat);
    }

    void start(@Observes StartupEvent started) {
        channel.maintain();
    }

    /**
     * SIGTERM (the start of the shutdown delay, before requests are drained): every open stream ends now, telling
     * its client to reconnect in a second, which the Service sends to another pod and Last-Event-ID makes lossless.
     * An open stream is a request in flight: left open, each would hold the pod for the whole drain timeout.
     * Streams opened from now on end at once, the same way.
     */
    void stop(@Observes ShutdownDelayInitiatedEvent shutdown) {
        stopping = true;
        int ended = openStreams();
        streams.values().forEach(set -> set.forEach(Stream::endForReconnect));
        if (ended > 0) {
            LOG.infof("Stopping: %d notification stream(s) ended, their clients reconnect elsewhere", ended);
        }
    }

    void onReady(@Observes(during = TransactionPhase.AFTER_SUCCESS) Ready ready) {
        publish(ready.userId(), ready.view());
    }

    /** Sends to this pod's streams of the user, and to the other pods through Redis. */
    void publish(String userId, NotificationView view) {
        deliverLocally(userId, view);
        ObjectNode message = json.createObjectNode().put("pod", pod).put("user", userId);
        message.set("notification", json.valueToTree(view));
        channel.publish(message.toString());
    }

    private void fromRedis(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (!pod.equals(node.path("pod").asText())) {
                deliverLocally(node.path("user").asText(),
                        json.treeToValue(node.get("notification"), NotificationView.class));
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring a malformed message on %s: %s", CHANNEL, e.getMessage());
        }
    }

    private void deliverLocally(String userId, NotificationView view) {
        Set<Stream> mine = streams.get(userId);
        if (mine != null) {
            mine.forEach(stream -> stream.offer(view));
        }
    }

    /** Opens a stream: registered first, then the missed notifications replayed, then live ones in order. */
    Stream open(String userId, SseEventSink sink, Sse sse, long lastSeen) {
        Stream stream = new Stream(userId, sink, sse, lastSeen);
        streams.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(stream);
        if (stopping) {
            stream.endForReconnect();
        }
        return stream;
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** Keeps idle connections open through proxies, finds closed ones, and retries the Redis subscription. */
    @Scheduled(every = "{atspro.notifications.heartbeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        channel.maintain();
        streams.values().forEach(set -> set.removeIf(stream -> !stream.ping()));
        streams.values().removeIf(Set::isEmpty);
    }

    /** One client's open stream. Sends are serialized and never go backwards in seq. */
    final class Stream {
        private final String userId;
        private final SseEventSink sink;
        private final Sse sse;
        private long lastSent;
        private boolean replaying = true;
        private final List<NotificationView> held = new ArrayList<>();

        Stream(String userId, SseEventSink sink, Sse sse, long lastSeen) {
            this.userId = userId;
            this.sink = sink;
            this.sse = sse;
            this.lastSent = lastSeen;
        }

        /** Sends what the client missed, then what arrived meanwhile. */
        synchronized void replay(List<NotificationView> missed) {
            missed.forEach(this::send);
            held.sort(Comparator.comparingLong(NotificationView::seq));
            held.forEach(this::send);
            held.clear();
            replaying = false;
        }

        synchronized void offer(NotificationView view) {
            if (replaying) {
                held.add(view);
            } else {
                send(view);
            }
        }

        private void send(NotificationView view) {
            if (view.seq() <= lastSent || sink.isClosed()) {
                return;
            }
            lastSent = view.seq();
            try {
                OutboundSseEvent event = sse.newEventBuilder().id(Long.toString(view.seq())).name("notification")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationView.class, view).build();
                sink.send(event).exceptionally(e -> {
                    close();
                    return null;
                });
            } catch (RuntimeException e) {
                close();
            }
        }

        synchronized boolean ping() {
            if (sink.isClosed()) {
                return false;
            }
            try {
                sink.send(sse.newEventBuilder().comment("keep-alive").build()).exceptionally(e -> {
                    close();
                    return null;
                });
                return true;
            } catch (RuntimeException e) {
                close();
                return false;
            }
        }

        /** Ends the stream with a reconnection delay for the client's EventSource. */
        synchronized void endForReconnect() {
            if (!sink.isClosed()) {
                try {
                    sink.send(sse.newEventBuilder().comment("this server is stopping: reconnect")
                            .reconnectDelay(RECONNECT_MILLIS).build())
                            .whenComplete((sent, failed) -> close());
                    return;
                } catch (RuntimeException e) {
                    // closed meanwhile by the client
                }
            }
            close();
        }

        void close() {
            Set<Stream> mine = streams.get(userId);
            if (mine != null) {
                mine.remove(this);
            }
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // already closed by the client
            }
        }
    }
}
