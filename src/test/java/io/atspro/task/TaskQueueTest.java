package io.atspro.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskQueueTest {

    @Inject
    TaskQueue queue;

    @Inject
    Instance<TaskHandler> handlers;

    @Inject
    TaskConfig config;

    @Inject
    TaskWorker appWorkers;

    private static ObjectNode payload(String field, long value) {
        return JsonNodeFactory.instance.objectNode().put(field, value);
    }

    private static String status(UUID id) {
        return Db.text("SELECT status FROM tasks WHERE id = ?", id);
    }

    private static void awaitStatus(UUID id, String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!expected.equals(status(id)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(status(id)).as("status of task %s", id).isEqualTo(expected);
    }

    @Test
    void manyTasksOnTwoInstancesRunExactlyOnceEach() throws Exception {
        // This application's workers plus a second "instance": another pool, another worker id, same database.
        try (TaskWorkerPool secondInstance = new TaskWorkerPool(queue, handlers.stream().toList(),
                "second-instance", 3, Duration.ofMillis(50), config.lease(), config.shutdownGrace())) {
            secondInstance.start();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add(queue.submit(null, "test_count", payload("n", i)));
            }
            for (UUID id : ids) {
                awaitStatus(id, "completed", Duration.ofSeconds(60));
            }
            assertThat(ids).allSatisfy(id -> assertThat(TestHandlers.executions(id)).as("runs of %s", id).isEqualTo(1));
            assertThat(Db.count("SELECT count(DISTINCT locked_by) FROM tasks WHERE id = ANY(?)", (Object) ids.toArray(UUID[]::new)))
                    .isZero(); // leases released on completion
            assertThat(Db.text("SELECT result_data->>'echo' FROM tasks WHERE id = ?", ids.get(7))).isEqualTo("7");
        }
    }

    @Test
    void aTaskWhoseWorkerDiedIsTakenOverAfterItsLeaseAndRunsOnce() throws Exception {
        UUID id;
        List<ClaimedTask> claimed;
        // Claim it as a worker that then dies without a word; keep our own workers from taking it first.
        do {
            id = queue.submit(null, "test_count", payload("sleep_ms", 0), 1000);
            claimed = queue.claim("worker-that-dies", 1);
        } while (claimed.isEmpty() || !claimed.get(0).id().equals(id));
        assertThat(status(id)).isEqualTo("running");

        awaitStatus(id, "completed", Duration.ofSeconds(20));
        assertThat(TestHandlers.executions(id)).isEqualTo(1);
        assertThat(Db.count("SELECT retry_count FROM tasks WHERE id = ?", id)).isEqualTo(1);
        assertThat(queue.complete(id, "worker-that-dies", null)).as("the dead worker's late completion is refused").isFalse();
    }

    @Test
    void failuresAreRetriedWithBackoffThenSucceed() throws Exception {
        UUID id = queue.submit(null, "test_flaky", payload("fail_times", 2));
        awaitStatus(id, "completed", Duration.ofSeconds(20));
        assertThat(TestHandlers.executions(id)).isEqualTo(3);
        assertThat(Db.count("SELECT retry_count FROM tasks WHERE id = ?", id)).isEqualTo(2);
    }

    @Test
    void aTaskOutOfRetriesFailsWithItsError() throws Exception {
        UUID id = queue.submit(null, "test_flaky", payload("fail_times", 99));
        awaitStatus(id, "failed", Duration.ofSeconds(30));
        assertThat(TestHandlers.executions(id)).isEqualTo(config.maxRetries() + 1);
        assertThat(Db.text("SELECT error_message FROM tasks WHERE id = ?", id)).startsWith("flaky failure");
        assertThat(Db.count("SELECT count(*) FROM tasks WHERE id = ? AND expires_at > completed_at + interval '6 days'", id))
                .isEqualTo(1);
    }

    @Test
    void aPermanentFailureIsNotRetried() throws Exception {
        UUID id = queue.submit(null, "test_broken", null);
        awaitStatus(id, "failed", Duration.ofSeconds(10));
        Thread.sleep(500);
        assertThat(TestHandlers.executions(id)).isEqualTo(1);
        assertThat(Db.text("SELECT error_message FROM tasks WHERE id = ?", id)).isEqualTo("The input can never be processed");
    }

    @Test
    void finishedTasksAreDeletedOnceExpiredAndNotBefore() throws Exception {
        UUID expired = queue.submit(null, "test_count", null);
        UUID fresh = queue.submit(null, "test_count", null);
        UUID waiting = queue.submit(null, "test_count", null);
        awaitStatus(expired, "completed", Duration.ofSeconds(10));
        awaitStatus(fresh, "completed", Duration.ofSeconds(10));
        Db.update("UPDATE tasks SET expires_at = now() - interval '1 second' WHERE id = ?", expired);
        Db.update("UPDATE tasks SET status = 'pending', scheduled_at = now() + interval '1 day', "
                + "expires_at = now() - interval '1 second' WHERE id = ?", waiting);

        assertThat(queue.deleteExpired(1)).isGreaterThanOrEqualTo(1);
        assertThat(status(expired)).isNull();
        assertThat(status(fresh)).isEqualTo("completed");
        assertThat(status(waiting)).as("unfinished tasks never expire").isEqualTo("pending");
        Db.update("DELETE FROM tasks WHERE id = ?", waiting);
    }

    @Test
    void aTaskOfUnknownTypeFails() throws Exception {
        UUID id = queue.submit(null, "no_such_type", null);
        awaitStatus(id, "failed", Duration.ofSeconds(10));
        assertThat(Db.text("SELECT error_message FROM tasks WHERE id = ?", id)).contains("no_such_type");
    }

    private TaskWorkerPool pod(String workerId, Duration shutdownGrace) {
        TaskWorkerPool pool = new TaskWorkerPool(queue, handlers.stream().toList(), workerId, 1, Duration.ofMillis(50),
                config.lease(), shutdownGrace);
        pool.start();
        return pool;
    }

    private static void awaitHeldBy(UUID id, String workerId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!workerId.equals(Db.text("SELECT locked_by FROM tasks WHERE id = ?", id)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Db.text("SELECT locked_by FROM tasks WHERE id = ?", id)).isEqualTo(workerId);
    }

    @Test
    void onShutdownARunningTaskGoesBackToTheQueueAtOnceAndAnotherInstanceRunsIt() throws Exception {
        appWorkers.onStop(null); // only the two pods below take tasks in this test
        try {
            TaskWorkerPool stopping = pod("stopping-pod", Duration.ofMillis(300));
            UUID id;
            try {
                id = queue.submit(null, "test_slow_first_run", payload("first_run_ms", 60_000));
                awaitHeldBy(id, "stopping-pod");
            } finally {
                long closing = System.nanoTime();
                stopping.close(); // what SIGTERM does
                assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(status(id)).isEqualTo("pending");
            assertThat(Db.text("SELECT locked_by FROM tasks WHERE id = ?", id)).isNull();
            assertThat(Db.count("SELECT count(*) FROM tasks WHERE id = ? AND scheduled_at <= now()", id))
                    .as("due now, not after the lease or a backoff").isEqualTo(1);
            assertThat(Db.count("SELECT retry_count FROM tasks WHERE id = ?", id)).as("a shutdown is not a failure").isZero();
            assertThat(Db.text("SELECT error_message FROM tasks WHERE id = ?", id)).isNull();

            try (TaskWorkerPool next = pod("next-pod", Duration.ofSeconds(5))) {
                awaitStatus(id, "completed", Duration.ofSeconds(10));
            }
            assertThat(TestHandlers.executions(id)).isEqualTo(2);
            assertThat(Db.text("SELECT result_data->>'run' FROM tasks WHERE id = ?", id)).isEqualTo("2");
            assertThat(Db.count("SELECT retry_count FROM tasks WHERE id = ?", id)).isZero();
            assertThat(queue.complete(id, "stopping-pod", null)).as("the stopped pod's late word is refused").isFalse();
        } finally {
            appWorkers.onStart(null);
        }
    }

    @Test
    void onShutdownATaskThatFinishesWithinTheGraceCompletesThere() throws Exception {
        appWorkers.onStop(null);
        try {
            TaskWorkerPool stopping = pod("finishing-pod", Duration.ofSeconds(10));
            UUID id = queue.submit(null, "test_slow_first_run", payload("first_run_ms", 700));
            awaitHeldBy(id, "finishing-pod");
            long closing = System.nanoTime();
            stopping.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
            assertThat(status(id)).isEqualTo("completed");
            assertThat(TestHandlers.executions(id)).isEqualTo(1);
        } finally {
            appWorkers.onStart(null);
        }
    }
}
