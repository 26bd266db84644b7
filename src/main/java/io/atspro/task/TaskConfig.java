package io.atspro.task;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "atspro.tasks")
public interface TaskConfig {

    /** Whether this pod runs task workers at all. */
    @WithDefault("true")
    boolean workersEnabled();

    /** Worker threads of this pod. */
    @WithDefault("2")
    int workers();

    /** How often an idle worker looks for due tasks (a task submitted on this pod wakes it at once). */
    @WithDefault("1S")
    Duration pollInterval();

    /** How long a claimed task is reserved; a worker that dies loses it after this, and another takes it. */
    @WithDefault("60S")
    Duration lease();

    /**
     * On shutdown (SIGTERM), how long running tasks may take to finish; those still running then go back to
     * the queue for another pod. Keep it inside the pod's termination grace period.
     */
    @WithDefault("10S")
    Duration shutdownGrace();

    /** First retry delay; each further retry doubles it. */
    @WithDefault("2S")
    Duration retryBackoff();

    /** Default retries before a task is failed for good. */
    @WithDefault("3")
    int maxRetries();

    /** How often expired finished tasks are deleted. */
    @WithDefault("1h")
    String cleanupEvery();

    /** How long finished (completed, failed, cancelled) tasks are kept. */
    @WithDefault("7D")
    Duration finishedTtl();
}
