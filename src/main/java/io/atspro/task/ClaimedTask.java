package io.atspro.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** A task a worker holds the lease of. {@code attempt} counts from 1. */
record ClaimedTask(UUID id, String userId, String type, JsonNode payload, int attempt, int maxRetries) {
}
