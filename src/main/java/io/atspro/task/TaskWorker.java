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

    private final TaskWorkerPool pool;
    private final boolean enabled;

    TaskWorker(TaskQueue queue, Instance<TaskHandler> handlers, TaskConfig config) {
        this.enabled = config.workersEnabled();
        this.pool = new TaskWorkerPool(queue, handlers.stream().toList(), hostName() + "-" + UUID.randomUUID(),
                config.workers(), config.pollInterval(), config.lease(), config.shutdownGrace());
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            pool.start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        pool.close();
    }

    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskSubmitted submitted) {
        pool.wake();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "worker";
        }
    }
}
