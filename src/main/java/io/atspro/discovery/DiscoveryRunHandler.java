package io.atspro.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.task.TaskContext;
import io.atspro.task.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Runs one discovery; a failure on the last attempt marks it failed with the reason. */
@ApplicationScoped
public class DiscoveryRunHandler implements TaskHandler {

    private final DiscoveryService service;

    DiscoveryRunHandler(DiscoveryService service) {
        this.service = service;
    }

    @Override
    public String type() {
        return DiscoveryService.TASK_TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) {
        UUID id = UUID.fromString(context.payload().path("discovery_id").asText());
        DiscoveryService.RunStart start = service.begin(id).orElse(null);
        if (start == null) {
            return null;
        }
        try {
            service.run(start);
        } catch (RuntimeException e) {
            if (context.lastAttempt()) {
                service.fail(id, "The discovery failed: " + e.getMessage());
            }
            throw e;
        }
        return null;
    }
}
