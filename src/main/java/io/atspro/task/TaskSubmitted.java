package io.atspro.task;

import java.util.UUID;

/** Fired when a task is submitted; after commit it wakes this pod's idle workers. */
record TaskSubmitted(UUID taskId) {
}
