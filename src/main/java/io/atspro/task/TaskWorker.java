package io.atspro.task;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** This pod's task workers: started with the application when enabled, stopped before it ends. */
@ApplicationScoped
class TaskWorker {

    private final TaskQueue queue;
    private final Instance<TaskHandler> handlers;
    private final TaskConfig config;
    private final String workerId = hostName() + "-" + UUID.randomUUID();
    private volatile TaskWorkerPool pool;
    private boolean stopped;

    TaskWorker(TaskQueue queue, Instance<TaskHandler> handlers, TaskConfig config) {
        this.queue = queue;
        this.handlers = handlers;
        this.config = config;
    }

    /**
     * Starts the workers beside the start rather than on it (creating every handler takes a while): a pod
     * scaling up from zero answers requests first; tasks wait that moment.
     */
    // Last among the start-up observers (after Quarkus's own, which create the Redis clients on the main thread:
    // Quarkus's Redis recorder must not build them from two threads at once), then off the main thread.
    synchronized void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent start) {
        stopped = false;
        if (config.workersEnabled()) {
            CompletableFuture.runAsync(this::startPool, Infrastructure.getDefaultWorkerPool());
        }
    }

    private synchronized void startPool() {
        if (stopped) {
            return; // the application stopped before the workers got going
        }
        if (pool == null) {
            pool = new TaskWorkerPool(queue, handlers.stream().toList(), workerId, config.workers(),
                    config.pollInterval(), config.lease(), config.shutdownGrace());
        }
        pool.start();
    }

    synchronized void onStop(@Observes ShutdownEvent stop) {
        stopped = true;
        if (pool != null) {
            pool.close();
        }
    }

    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskSubmitted submitted) {
        TaskWorkerPool current = pool;
        if (current != null) {
            current.wake();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "worker";
        }
    }
}
