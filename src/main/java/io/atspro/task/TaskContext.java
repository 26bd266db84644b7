package io.atspro.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** What a running task knows about itself. */
public interface TaskContext {

    UUID taskId();

    /** The owner, or null for a system task. */
    String userId();

    JsonNode payload();

    /** 1 on the first attempt. */
    int attempt();

    /** True when a failure of this attempt fails the task for good. */
    boolean lastAttempt();

    /** Records progress (0–100); returns false when the task was cancelled and the handler should stop. */
    boolean progress(int percent);
}
