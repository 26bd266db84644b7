package io.atspro.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskResourceTest {

    @Inject
    TaskQueue queue;

    private static String userId(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static void awaitStatus(String bearer, UUID id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String now = given().header("Authorization", bearer).get("/api/v1/tasks/" + id).then().extract().path("status");
            if (status.equals(now)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + id + " never became " + status);
    }

    @Test
    void ownersSeeTheirTasksAndOthersGet404() throws Exception {
        String bearer = Tokens.user().bearer();
        UUID id = queue.submit(userId(bearer), "test_count", null);
        awaitStatus(bearer, id, "completed");

        given().header("Authorization", bearer).get("/api/v1/tasks/" + id).then().statusCode(200)
                .body("task_type", equalTo("test_count")).body("progress", equalTo(100));
        given().header("Authorization", bearer).queryParam("status", "completed").get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id.toString()));
        given().header("Authorization", bearer).queryParam("status", "bogus").get("/api/v1/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        String stranger = Tokens.user().bearer();
        given().header("Authorization", stranger).get("/api/v1/tasks/" + id).then().statusCode(404);
        given().header("Authorization", stranger).post("/api/v1/tasks/" + id + "/cancel").then().statusCode(404);
        given().header("Authorization", stranger).get("/api/v1/tasks").then().body("total", equalTo(0));
    }

    @Test
    void aRunningTaskCanBeCancelledAndAFinishedOneCannot() throws Exception {
        String bearer = Tokens.user().bearer();
        UUID id = queue.submit(userId(bearer), "test_slow", null);
        awaitStatus(bearer, id, "running");
        Thread.sleep(300);
        given().header("Authorization", bearer).get("/api/v1/tasks/" + id).then().body("progress", greaterThan(0));

        given().header("Authorization", bearer).post("/api/v1/tasks/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"));
        Thread.sleep(500);
        given().header("Authorization", bearer).get("/api/v1/tasks/" + id).then().body("status", equalTo("cancelled"));
        given().header("Authorization", bearer).post("/api/v1/tasks/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
    }
}
