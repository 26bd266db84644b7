package io.atspro.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates the {@code jdk.ExecutionSample} events of a JFR recording (what {@code jfr print --events
 * jdk.ExecutionSample} lists, grouped): each sample is charged to the library of its nearest non-JDK frame (so time
 * in {@code BigInteger} called by jose4j counts as token verification), then the top frames (self) and the methods
 * most often on the stack (inclusive).
 */
final class Profiles {

    /** Libraries of the request path, by package prefix; the first that matches a frame wins. */
    static final Map<String, List<String>> AREAS = areas();

    private static Map<String, List<String>> areas() {
        Map<String, List<String>> areas = new LinkedHashMap<>();
        areas.put("token verification (quarkus-oidc, jose4j, smallrye-jwt)",
                List.of("io.quarkus.oidc.", "org.jose4j.", "io.smallrye.jwt."));
        areas.put("ATSPro identity filter + rate limiter", List.of("io.atspro.identity."));
        areas.put("Quarkus security", List.of("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security."));
        areas.put("Redis client", List.of("io.vertx.redis.", "io.quarkus.redis."));
        areas.put("Hibernate ORM + Panache", List.of("org.hibernate.", "io.quarkus.hibernate."));
        areas.put("pgjdbc", List.of("org.postgresql."));
        areas.put("Agroal + Narayana", List.of("io.agroal.", "com.arjuna.", "io.quarkus.narayana.", "io.quarkus.agroal."));
        areas.put("Jackson", List.of("com.fasterxml.jackson."));
        areas.put("RESTEasy Reactive", List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive."));
        areas.put("Micrometer", List.of("io.micrometer.", "io.quarkus.micrometer."));
        areas.put("Netty", List.of("io.netty."));
        areas.put("Vert.x", List.of("io.vertx.", "io.quarkus.vertx."));
        areas.put("ArC (CDI)", List.of("io.quarkus.arc."));
        areas.put("Mutiny + context propagation", List.of("io.smallrye.mutiny.", "io.smallrye.context."));
        areas.put("ATSPro (other)", List.of("io.atspro."));
        areas.put("other libraries", List.of("io.", "org.", "com.", "net."));
        return areas;
    }

    private Profiles() {
    }

    /** {@code Profiles <recording.jfr> [top]}: the summary of a recording taken by hand. */
    public static void main(String[] args) throws IOException {
        System.out.println(summarize(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 30));
    }

    static String summarize(Path recording, int top) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample")).toList();
        Map<String, Integer> self = new LinkedHashMap<>();
        Map<String, Integer> byArea = new LinkedHashMap<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
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
            frames.stream().map(Profiles::name).distinct().forEach(m -> methods.merge(m, 1, Integer::sum));
            byArea.merge(area(frames), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "JFR %s: %d execution samples%n", recording.getFileName(), samples));
        out.append("by library (of the nearest non-JDK frame):\n");
        int total = samples;
        byArea.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", pct(e.getValue(), total), e.getKey())));
        out.append("top frames (self):\n");
        self.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", pct(e.getValue(), total), e.getKey())));
        out.append("top methods (inclusive):\n");
        methods.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top * 2L)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", pct(e.getValue(), total), e.getKey())));
        return out.toString();
    }

    static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            for (Map.Entry<String, List<String>> area : AREAS.entrySet()) {
                if (area.getValue().stream().anyMatch(name::startsWith)) {
                    return area.getKey();
                }
            }
        }
        return "JDK only";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static double pct(int n, int total) {
        return total == 0 ? 0 : n * 100.0 / total;
    }
}
