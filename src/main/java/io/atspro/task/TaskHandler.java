package io.atspro.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs one type of task. Handlers must be idempotent: a task whose worker died is run again by another.
 * Throwing fails the attempt (retried with backoff); {@link PermanentTaskFailure} fails the task at once.
 */
public interface TaskHandler {

    String type();

    /** Does the work and returns the task's result (may be null). */
    JsonNode handle(TaskContext context) throws Exception;
}
