package io.atspro.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the guard takes for an outage, and what not (a guard of its own, so the suite's is never paused). */
@QuarkusTest
class RedisGuardTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aFullConnectionPoolSkipsRedisForThatCallOnlyButAFailurePausesIt() {
        RedisGuard guard = new RedisGuard(Duration.ofSeconds(30), redis);
        AtomicInteger asked = new AtomicInteger();

        String busy = guard.call(() -> {
            asked.incrementAndGet();
            throw new CompletionException(new ConnectionPoolTooBusyException(
                    "Connection pool reached max wait queue size of 24"));
        }, "fallback");
        assertThat(busy).isEqualTo("fallback");
        assertThat(guard.paused()).as("Redis itself answers: no pause").isFalse();
        assertThat(guard.call(() -> "from redis " + asked.incrementAndGet(), "fallback")).isEqualTo("from redis 2");

        assertThat(guard.call(() -> {
            throw new IllegalStateException("Connection refused");
        }, "fallback")).isEqualTo("fallback");
        assertThat(guard.paused()).isTrue();
        assertThat(guard.call(() -> "from redis " + asked.incrementAndGet(), "fallback"))
                .as("not even tried during the pause").isEqualTo("fallback");
        assertThat(asked.get()).isEqualTo(2);
    }
}
