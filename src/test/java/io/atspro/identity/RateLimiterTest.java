package io.atspro.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspro.shared.RateLimitedException;
import io.atspro.shared.RedisGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two pods' limiters on one Redis: the limit holds across them, each asking Redis only now and then. */
@QuarkusTest
class RateLimiterTest {

    /** The middle of a window, so that the test never crosses into the next minute. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:30Z"), ZoneOffset.UTC);

    @Inject
    RedisDataSource redis;

    @Inject
    RedisGuard guard;

    @Test
    void twoPodsTogetherLetThroughTheLimitAndNoMore() {
        RateLimiter podA = new RateLimiter(redis, guard, CLOCK, () -> 600);
        RateLimiter podB = new RateLimiter(redis, guard, CLOCK, () -> 600);
        String user = "oidc:" + UUID.randomUUID();
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 1_000; i++) {
            try {
                (i % 2 == 0 ? podA : podB).check(user);
                allowed++;
            } catch (RateLimitedException limited) {
                refused++;
            }
        }
        // near the limit every request is counted in Redis at once: the shared count is exact there
        assertThat(allowed).isEqualTo(600);
        assertThat(refused).isEqualTo(400);
        Long shared = redis.value(Long.class).get("ratelimit:" + user + ":" + (CLOCK.instant().getEpochSecond() / 60));
        assertThat(shared).isEqualTo(1_000L);
    }

    @Test
    void aPodAsksRedisOnlyEveryFiftiethOfTheLimitWhileFarFromIt() {
        RateLimiter pod = new RateLimiter(redis, guard, CLOCK, () -> 600);
        String user = "oidc:" + UUID.randomUUID();
        String key = "ratelimit:" + user + ":" + (CLOCK.instant().getEpochSecond() / 60);
        pod.check(user);
        assertThat(redis.value(Long.class).get(key)).as("the first request of a window").isEqualTo(1L);
        for (int i = 0; i < 11; i++) {
            pod.check(user);
        }
        assertThat(redis.value(Long.class).get(key)).as("11 of a batch of 12").isEqualTo(1L);
        pod.check(user);
        assertThat(redis.value(Long.class).get(key)).as("the batch, added at once").isEqualTo(13L);

        // another pod's requests are seen within a second
        redis.value(Long.class).set(key, 10_000L);
        pod.check(user);
        long deadline = System.nanoTime() + 3_000_000_000L;
        boolean limited = false;
        while (!limited && System.nanoTime() < deadline) {
            try {
                pod.check(user);
            } catch (RateLimitedException e) {
                limited = true;
            }
        }
        assertThat(limited).isTrue();
        assertThatThrownBy(() -> pod.check(user)).isInstanceOf(RateLimitedException.class);
    }
}
