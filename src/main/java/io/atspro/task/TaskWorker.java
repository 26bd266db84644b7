package io.atspro.task;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import java.net.InetAddress;
import java.util.UUID;

/** This pod's task workers: started with the application when enabled, stopped before it ends. */
@ApplicationScoped
class TaskWorker {

    private final TaskQueue queue;
    private final Instance<TaskHandler> handlers;
    private final TaskConfig config;
    private final String workerId = hostName() + "-" + UUID.randomUUID();
    private volatile TaskWorkerPool pool;

    TaskWorker(TaskQueue queue, Instance<TaskHandler> handlers, TaskConfig config) {
        this.queue = queue;
        this.handlers = handlers;
        this.config = config;
    }

    /** Starts the workers with the application (on the main thread: beans built from two threads at once at
     * start-up can deadlock on class initialisation, seen under load). */
    synchronized void onStart(@Observes StartupEvent start) {
        if (config.workersEnabled()) {
            if (pool == null) {
                pool = new TaskWorkerPool(queue, handlers.stream().toList(), workerId, config.workers(),
                        config.pollInterval(), config.lease(), config.shutdownGrace());
            }
            pool.start();
        }
    }

    synchronized void onStop(@Observes ShutdownEvent stop) {
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
