package io.atspro.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskAdminTest {

    static final String CLEANUP = "/api/v1/admin/tasks/cleanup";

    private static String finishedTask(String expiresIn) {
        return Db.text("""
                INSERT INTO tasks (task_type, status, payload, scheduled_at, completed_at, expires_at, progress)
                VALUES ('cleanup_probe', 'completed', '{}'::jsonb, now() - interval '8 days', now() - interval '8 days',
                        now() + ?::interval, 100) RETURNING id::text""", expiresIn);
    }

    private static boolean exists(String id) {
        return Db.count("SELECT count(*) FROM tasks WHERE id = ?::uuid", id) == 1;
    }

    @Test
    void anAdminDeletesExpiredFinishedTasksNowAndKeepsTheRest() {
        String expired = finishedTask("-1 second");
        String fresh = finishedTask("1 day");

        given().header("Authorization", Tokens.admin().bearer()).post(CLEANUP).then().statusCode(200)
                .body("deleted", greaterThanOrEqualTo(1));

        assertThat(exists(expired)).isFalse();
        assertThat(exists(fresh)).isTrue();
        Db.update("DELETE FROM tasks WHERE id = ?::uuid", fresh);
    }

    @Test
    void onlyAdminsRunTheCleanup() {
        String expired = finishedTask("-1 second");
        given().post(CLEANUP).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.user().bearer()).post(CLEANUP).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(exists(expired)).as("refused calls change nothing").isTrue();
        Db.update("DELETE FROM tasks WHERE id = ?::uuid", expired);
    }
}
