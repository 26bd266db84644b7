package io.atspro.testing;

import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.SkippedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the scheduler ran and skipped in this test JVM, by method ({@code io.atspro.x.Class#method}). */
@Singleton
public class SchedulerExecutions {

    private final List<String> succeeded = new CopyOnWriteArrayList<>();
    private final List<String> skipped = new CopyOnWriteArrayList<>();

    void onSuccess(@Observes SuccessfulExecution event) {
        succeeded.add(method(event.getExecution()));
    }

    void onSkip(@Observes SkippedExecution event) {
        skipped.add(method(event.getExecution()));
    }

    private static String method(ScheduledExecution execution) {
        return execution.getTrigger().getMethodDescription();
    }

    public List<String> succeeded() {
        return List.copyOf(succeeded);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** Waits until the scheduler has skipped {@code method} (e.g. {@code ScrapeScheduler#tick}) at least once. */
    public void awaitSkipped(String method, Duration timeout) {
        await(skipped, method, timeout, "skipped");
    }

    /** Waits until {@code method} has run to the end at least once. */
    public void awaitSucceeded(String method, Duration timeout) {
        await(succeeded, method, timeout, "run");
    }

    private static void await(List<String> seen, String method, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.stream().noneMatch(m -> m.endsWith(method))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(method + " was not " + what + " within " + timeout + "; seen: " + seen);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
