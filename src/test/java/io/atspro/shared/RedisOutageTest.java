package io.atspro.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RedisOutageTest {

    @Inject
    RedisDataSource redis;

    @Test
    void profilesAreCachedAndTheCacheIsDroppedOnChange() {
        Tokens user = Tokens.user();
        String id = given().header("Authorization", user.bearer()).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        String key = "user:profile:" + id;
        assertThat(redis.value(String.class).get(key)).contains("\"email\":\"" + user.email() + "\"");

        given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body("{\"title\":\"Changed\"}")
                .patch("/api/v1/me").then().statusCode(200);
        assertThat(redis.key().exists(key)).isFalse();
        given().header("Authorization", user.bearer()).get("/api/v1/me").then().body("profile.title", equalTo("Changed"));
        assertThat(redis.value(String.class).get(key)).contains("Changed");
    }

    @Test
    void everyRequestSucceedsWhileRedisIsDownAndTheCacheResumesAfter() throws Exception {
        Tokens user = Tokens.user();
        String id = given().header("Authorization", user.bearer()).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        TestStack.get().redis().stop();
        try {
            for (int i = 0; i < 20; i++) {
                given().header("Authorization", user.bearer()).get("/api/v1/me").then().statusCode(200);
            }
            given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body("{\"bio\":\"offline\"}")
                    .patch("/api/v1/me").then().statusCode(200);
            given().header("Authorization", user.bearer()).get("/api/v1/me")
                    .then().statusCode(200).body("profile.bio", equalTo("offline"));
            given().header("Authorization", Tokens.user().bearer()).get("/api/v1/me").then().statusCode(200);
        } finally {
            TestStack.get().redis().startAgain();
        }
        String key = "user:profile:" + id;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean cached = false;
        while (!cached && System.nanoTime() < deadline) {
            given().header("Authorization", user.bearer()).get("/api/v1/me").then().statusCode(200);
            cached = Boolean.TRUE.equals(safeExists(key));
            if (!cached) {
                Thread.sleep(250);
            }
        }
        assertThat(cached).as("the profile is cached again once Redis is back").isTrue();
    }

    private Boolean safeExists(String key) {
        try {
            return redis.key().exists(key);
        } catch (RuntimeException reconnecting) {
            return false;
        }
    }
}
