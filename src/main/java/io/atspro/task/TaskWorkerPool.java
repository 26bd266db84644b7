package io.atspro.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Worker threads that claim tasks from the {@link TaskQueue} and run their handlers. One pool runs per
 * pod; several pools (threads of one pod, pods of one database) never run one lease twice.
 */
public final class TaskWorkerPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TaskWorkerPool.class);

    private final TaskQueue queue;
    private final Map<String, TaskHandler> handlers;
    private final String workerId;
    private final int threads;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration shutdownGrace;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object wakeUp = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService heartbeat;

    public TaskWorkerPool(TaskQueue queue, List<TaskHandler> handlers, String workerId, int threads,
                          Duration pollInterval, Duration lease, Duration shutdownGrace) {
        this.queue = queue;
        this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::type, Function.identity()));
        this.workerId = workerId;
        this.threads = threads;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.shutdownGrace = shutdownGrace;
    }

    public String workerId() {
        return workerId;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::loop, "task-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "task-lease");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(200, lease.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::extendLeases, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Task worker %s started with %d threads", workerId, threads);
    }

    /** Wakes idle threads: a task was just submitted. */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void loop() {
        while (running.get()) {
            try {
                List<ClaimedTask> claimed = queue.claim(workerId, 1);
                if (claimed.isEmpty()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(pollInterval.toMillis());
                    }
                    continue;
                }
                claimed.forEach(this::run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be down: back off and try again, the thread must not die.
                LOG.warnf("Task worker %s could not poll: %s", workerId, e.getMessage());
                sleepQuietly(pollInterval);
            }
        }
    }

    private void run(ClaimedTask task) {
        TaskHandler handler = handlers.get(task.type());
        if (handler == null) {
            queue.fail(task.id(), workerId, "No handler for task type " + task.type(), true);
            return;
        }
        if (task.attempt() > task.maxRetries() + 1) {
            queue.fail(task.id(), workerId, "Abandoned: its workers stopped " + (task.attempt() - 1) + " times", true);
            return;
        }
        Context context = new Context(task);
        // Handlers use request-scoped beans (the EntityManager among them) as endpoints do.
        ManagedContext requestContext = Arc.container() == null ? null : Arc.container().requestContext();
        if (requestContext != null) {
            requestContext.activate();
        }
        try {
            JsonNode result = handler.handle(context);
            if (!queue.complete(task.id(), workerId, result)) {
                LOG.debugf("Task %s finished but was cancelled or taken over meanwhile", task.id());
            }
        } catch (PermanentTaskFailure e) {
            queue.fail(task.id(), workerId, e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.fail(task.id(), workerId, "Interrupted by shutdown", false);
        } catch (Exception | StackOverflowError | LinkageError e) {
            // a LinkageError: a native library (the embedding model's) that cannot load fails the task, not the worker
            LOG.warnf("Task %s (%s) attempt %d failed: %s", task.id(), task.type(), task.attempt(), e.toString());
            queue.fail(task.id(), workerId, readable(e), false);
        } finally {
            if (requestContext != null) {
                requestContext.terminate();
            }
        }
    }

    private void extendLeases() {
        try {
            queue.extendLeases(workerId);
        } catch (RuntimeException e) {
            LOG.debugf("Could not extend leases of %s: %s", workerId, e.getMessage());
        }
    }

    private static String readable(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "The task failed unexpectedly" : e.getMessage();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops claiming; running handlers get the shutdown grace to finish (their leases kept alive meanwhile).
     * Tasks still running after it go back to the queue for another worker, and only then are their threads
     * interrupted, so what an interrupted handler reports is refused rather than counted as a failure.
     */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wake();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        try {
            for (Thread worker : workers) {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            if (workers.stream().anyMatch(Thread::isAlive)) {
                int released = queue.release(workerId);
                LOG.infof("Task worker %s stopping: %d running task(s) handed back to the queue", workerId, released);
                workers.forEach(Thread::interrupt);
                for (Thread worker : workers) {
                    worker.join(2_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Task worker %s could not hand its tasks back (their leases will run out): %s", workerId,
                    e.getMessage());
        }
        workers.clear();
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }

    private final class Context implements TaskContext {

        private final ClaimedTask task;

        Context(ClaimedTask task) {
            this.task = task;
        }

        @Override
        public UUID taskId() {
            return task.id();
        }

        @Override
        public String userId() {
            return task.userId();
        }

        @Override
        public JsonNode payload() {
            return task.payload();
        }

        @Override
        public int attempt() {
            return task.attempt();
        }

        @Override
        public boolean lastAttempt() {
            return task.attempt() > task.maxRetries();
        }

        @Override
        public boolean progress(int percent) {
            return queue.progress(task.id(), workerId, percent);
        }
    }
}
