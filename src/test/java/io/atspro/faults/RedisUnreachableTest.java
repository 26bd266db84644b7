package io.atspro.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.atspro.testing.Db;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Redis unreachable with its data intact (a partition or failover, not a restart): requests succeed without it,
 * the rate limiter lets traffic through, notifications are written and listed, and once Redis answers again
 * nothing cached before the outage hides a change made during it. (Redis stopped outright, where its data is
 * lost: shared.RedisOutageTest and analytics.DashboardTest.)
 */
@QuarkusTest
class RedisUnreachableTest {

    /** Longer than atspro.redis.pause-after-failure (2 s), after which Redis is asked again. */
    private static final Duration AFTER_THE_PAUSE = Duration.ofSeconds(5);

    @Inject
    RedisDataSource redis;

    @Test
    void aProfileChangedDuringTheOutageIsNeverReadBackStaleFromTheCache() throws Exception {
        Tokens user = Tokens.user();
        String bearer = user.bearer();
        String id = given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"bio\":\"before\"}")
                .patch("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer).get("/api/v1/me").then().body("profile.bio", equalTo("before"));
        assertThat(redis.value(String.class).get("user:profile:" + id)).contains("before");

        TestStack.get().redis().refuseCommands();
        try {
            given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"bio\":\"during\"}")
                    .patch("/api/v1/me").then().statusCode(200);
            given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200)
                    .body("profile.bio", equalTo("during"));
        } finally {
            TestStack.get().redis().acceptCommands();
        }
        readsStay(bearer, "/api/v1/me", "profile.bio", "during");
        assertThat(redis.value(String.class).get("user:profile:" + id)).contains("during");
    }

    @Test
    void dashboardsChangedDuringTheOutageAreNotServedStaleAfterIt() throws Exception {
        String bearer = Tokens.user().bearer();
        String application = given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"company_name\":\"Partition Inc\",\"job_title\":\"SRE\",\"status\":\"applied\"}")
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer).get("/api/v1/analytics/pipeline").then().statusCode(200)
                .body("by_status.applied", equalTo(1));
        String id = given().header("Authorization", bearer).get("/api/v1/me").then().extract().path("id");
        assertThat(redis.key().exists("analytics:dashboards:" + id)).isTrue();

        TestStack.get().redis().refuseCommands();
        try {
            // a status change drops the user's dashboards (AnalyticsObserver): here the drop cannot reach Redis
            given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"status\":\"screening\"}")
                    .post("/api/v1/applications/" + application + "/status").then().statusCode(200);
            given().header("Authorization", bearer).get("/api/v1/analytics/pipeline").then().statusCode(200)
                    .body("by_status.screening", equalTo(1));
        } finally {
            TestStack.get().redis().acceptCommands();
        }
        readsStay(bearer, "/api/v1/analytics/pipeline", "by_status.screening", 1);
    }

    @Test
    void theRateLimiterOpensWhileRedisIsUnreachableAndNotificationsStillFlow() throws InterruptedException {
        Tokens user = Tokens.user();
        String bearer = user.bearer();
        given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200);
        long window = Instant.now().getEpochSecond() / 60;
        for (long w = window; w <= window + 1; w++) {
            redis.value(Long.class).setex("ratelimit:oidc:" + user.subject() + ":" + w, 120, 1_000_000L);
        }
        // requests other pods counted are seen within a second (RateLimiter)
        Thread.sleep(1_100);
        given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(429);

        String application;
        TestStack.get().redis().refuseCommands();
        try {
            given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200);
            application = given().header("Authorization", bearer).contentType(ContentType.JSON)
                    .body("{\"company_name\":\"Quiet Redis\",\"job_title\":\"Engineer\",\"status\":\"applied\"}")
                    .post("/api/v1/applications").then().statusCode(201).extract().path("id");
            given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"status\":\"interviewing\"}")
                    .post("/api/v1/applications/" + application + "/status").then().statusCode(200);
            given().header("Authorization", bearer).get("/api/v1/notifications").then().statusCode(200)
                    .body("items.find { it.data.application_id == '" + application + "' }.title",
                            equalTo("Interview stage at Quiet Redis"));
            given().header("Authorization", bearer).get("/api/v1/notifications/unread-count").then().statusCode(200);
        } finally {
            TestStack.get().redis().acceptCommands();
        }
        assertThat(Db.count("SELECT count(*) FROM notifications WHERE data->>'application_id' = ?", application))
                .isEqualTo(1);
        long deadline = System.nanoTime() + AFTER_THE_PAUSE.toNanos();
        int status = 200;
        while (status != 429 && System.nanoTime() < deadline) {
            status = given().header("Authorization", bearer).get("/api/v1/me").then().extract().statusCode();
        }
        assertThat(status).as("the limiter counts again once Redis answers").isEqualTo(429);
    }

    /** Reads for longer than the guard's pause: every answer, from the database or the cache, has the new value. */
    private static void readsStay(String bearer, String path, String field, Object expected) throws InterruptedException {
        long until = System.nanoTime() + AFTER_THE_PAUSE.toNanos();
        while (System.nanoTime() < until) {
            given().header("Authorization", bearer).get(path).then().statusCode(200).body(field, equalTo(expected));
            Thread.sleep(200);
        }
    }
}
