package io.atspro.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates the {@code jdk.ExecutionSample} events of a JFR recording: the top frames (where the CPU time is spent,
 * self) and, for a few areas of the request path, the share of samples with a frame of that area anywhere on the
 * stack (inclusive). The same view as {@code jfr print --events jdk.ExecutionSample} grouped by hand.
 */
final class Profiles {

    /** Areas of the request path, by the frames that belong to them (checked in this order for "self"). */
    static final Map<String, Predicate<String>> AREAS = areas();

    private static Map<String, Predicate<String>> areas() {
        Map<String, Predicate<String>> areas = new LinkedHashMap<>();
        areas.put("token verification (quarkus-oidc, jose4j, smallrye-jwt)", f -> f.startsWith("io.quarkus.oidc.")
                || f.startsWith("org.jose4j.") || f.startsWith("io.smallrye.jwt."));
        areas.put("identity filter + rate limiter (io.atspro.identity)", f -> f.startsWith("io.atspro.identity."));
        areas.put("security checks (io.quarkus.security, vertx-http auth)", f -> f.startsWith("io.quarkus.security.")
                || f.startsWith("io.quarkus.vertx.http.runtime.security."));
        areas.put("Redis client", f -> f.startsWith("io.vertx.redis.") || f.startsWith("io.quarkus.redis."));
        areas.put("Hibernate ORM", f -> f.startsWith("org.hibernate."));
        areas.put("pgjdbc", f -> f.startsWith("org.postgresql."));
        areas.put("Agroal pool + Narayana transactions", f -> f.startsWith("io.agroal.") || f.startsWith("com.arjuna.")
                || f.startsWith("io.quarkus.narayana."));
        areas.put("Jackson", f -> f.startsWith("com.fasterxml.jackson."));
        areas.put("RESTEasy Reactive", f -> f.startsWith("org.jboss.resteasy.reactive."));
        areas.put("Vert.x + Netty", f -> f.startsWith("io.vertx.") || f.startsWith("io.netty."));
        areas.put("ATSPro (other)", f -> f.startsWith("io.atspro."));
        return areas;
    }

    private Profiles() {
    }

    static String summarize(Path recording, int top) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample")).toList();
        Map<String, Integer> self = new LinkedHashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        AREAS.keySet().forEach(a -> inclusive.put(a, 0));
        int samples = 0;
        for (RecordedEvent event : events) {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            RecordedFrame first = frames.get(0);
            self.merge(name(first), 1, Integer::sum);
            for (Map.Entry<String, Predicate<String>> area : AREAS.entrySet()) {
                if (frames.stream().anyMatch(f -> area.getValue().test(name(f)))) {
                    inclusive.merge(area.getKey(), 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "JFR %s: %d execution samples%n", recording.getFileName(), samples));
        out.append("inclusive share of samples (a frame of the area anywhere on the stack):\n");
        for (Map.Entry<String, Integer> area : inclusive.entrySet()) {
            out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", pct(area.getValue(), samples), area.getKey()));
        }
        out.append("top frames (self):\n");
        int total = samples;
        self.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", pct(e.getValue(), total), e.getKey())));
        return out.toString();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static double pct(int n, int total) {
        return total == 0 ? 0 : n * 100.0 / total;
    }
}
