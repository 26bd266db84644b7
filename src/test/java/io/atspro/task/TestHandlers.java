package io.atspro.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Task handlers that exist only in tests, counting how often each task ran. */
final class TestHandlers {

    static final Map<UUID, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

    private TestHandlers() {
    }

    static int executions(UUID id) {
        AtomicInteger count = EXECUTIONS.get(id);
        return count == null ? 0 : count.get();
    }

    private static int record(TaskContext context) {
        return EXECUTIONS.computeIfAbsent(context.taskId(), id -> new AtomicInteger()).incrementAndGet();
    }

    @ApplicationScoped
    static class Count implements TaskHandler {
        @Override
        public String type() {
            return "test_count";
        }

        @Override
        public JsonNode handle(TaskContext context) throws Exception {
            record(context);
            Thread.sleep(context.payload().path("sleep_ms").asLong(0));
            return JsonNodeFactory.instance.objectNode().put("echo", context.payload().path("n").asInt());
        }
    }

    /** Fails its first {@code fail_times} attempts. */
    @ApplicationScoped
    static class Flaky implements TaskHandler {
        @Override
        public String type() {
            return "test_flaky";
        }

        @Override
        public JsonNode handle(TaskContext context) {
            int run = record(context);
            if (run <= context.payload().path("fail_times").asInt()) {
                throw new IllegalStateException("flaky failure " + run);
            }
            return null;
        }
    }

    @ApplicationScoped
    static class Broken implements TaskHandler {
        @Override
        public String type() {
            return "test_broken";
        }

        @Override
        public JsonNode handle(TaskContext context) {
            record(context);
            throw new PermanentTaskFailure("The input can never be processed");
        }
    }

    /** Reports progress until cancelled, or gives up after ten seconds. */
    @ApplicationScoped
    static class Slow implements TaskHandler {
        @Override
        public String type() {
            return "test_slow";
        }

        @Override
        public JsonNode handle(TaskContext context) throws Exception {
            record(context);
            for (int i = 1; i <= 100; i++) {
                if (!context.progress(Math.min(i, 99))) {
                    return null;
                }
                Thread.sleep(100);
            }
            return null;
        }
    }

    /** Its first run sleeps {@code first_run_ms} (interruptibly), later runs finish at once. */
    @ApplicationScoped
    static class SlowFirstRun implements TaskHandler {
        @Override
        public String type() {
            return "test_slow_first_run";
        }

        @Override
        public JsonNode handle(TaskContext context) throws Exception {
            if (record(context) == 1) {
                Thread.sleep(context.payload().path("first_run_ms").asLong());
            }
            return JsonNodeFactory.instance.objectNode().put("run", executions(context.taskId()));
        }
    }
}
