package io.atspro.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points every Quarkus test at the {@link TestStack}: real PostgreSQL, Redis, S3 and OIDC on loopback.
 * The servers outlive Quarkus restarts (test profiles) and stop when the test JVM ends.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestStack.get().config();
    }

    @Override
    public void stop() {
        // The stack stays up for the next Quarkus start of this JVM; its shutdown hook stops it.
    }
}
