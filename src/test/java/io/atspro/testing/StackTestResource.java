package io.atspro.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points every Quarkus test at the {@link TestStack}: real PostgreSQL, Redis, S3 and OIDC on loopback.
 * The servers outlive Quarkus restarts (test profiles) and stop when the test JVM ends.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(TestStack.get().config());
        if (TestStack.withKeycloak()) {
            // The end-to-end suite's packaged service runs the prod profile; like the pods GracefulShutdownIT starts,
            // it may fetch job pages from the loopback board server (a task any of them can pick up).
            config.put("atspro.jobs.fetch.allow-private-networks", "true");
        }
        return config;
    }

    @Override
    public void stop() {
        // The stack stays up for the next Quarkus start of this JVM; its shutdown hook stops it.
    }
}
