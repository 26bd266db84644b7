package io.atspro.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.atspro.storage.ObjectStorage;
import io.atspro.testing.Db;
import io.atspro.testing.TestFiles;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * S3 (s3proxy) stops: uploads answer 503 problem+json and leave no row, downloads of existing files answer
 * 503, everything that does not need a file keeps answering. The test stack's s3proxy keeps its objects in
 * memory, so a restart empties it: the test makes the bucket again afterwards (objects of earlier tests are
 * gone, which no later test relies on).
 */
@QuarkusTest
class S3OutageTest {

    @Inject
    ObjectStorage storage;

    @Test
    void filesAnswer503AndLeaveNoRowWhileTheRestOfTheApiAnswers() {
        String bearer = Tokens.user().bearer();
        String userId = given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        String existing = uploadDocument(bearer).statusCode(201).extract().path("id");
        given().header("Authorization", bearer).get("/api/v1/documents/" + existing + "/download").then().statusCode(200);
        long documents = Db.count("SELECT count(*) FROM documents WHERE user_id = ?", userId);
        long resumes = Db.count("SELECT count(*) FROM resumes WHERE user_id = ?", userId);
        long tasks = Db.count("SELECT count(*) FROM tasks WHERE user_id = ?", userId);

        TestStack.get().s3().stop();
        try {
            problem503(uploadDocument(bearer));
            problem503(given().header("Authorization", bearer)
                    .multiPart("file", "cv.pdf", TestFiles.pdf("Jane Doe\nEngineer"), "application/pdf")
                    .post("/api/v1/resumes").then());
            problem503(given().header("Authorization", bearer).get("/api/v1/documents/" + existing + "/download").then());
            assertThat(Db.count("SELECT count(*) FROM documents WHERE user_id = ?", userId)).isEqualTo(documents);
            assertThat(Db.count("SELECT count(*) FROM resumes WHERE user_id = ?", userId)).isEqualTo(resumes);
            assertThat(Db.count("SELECT count(*) FROM tasks WHERE user_id = ?", userId)).isEqualTo(tasks);

            given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200);
            given().header("Authorization", bearer).get("/api/v1/applications").then().statusCode(200);
            given().header("Authorization", bearer).get("/api/v1/documents").then().statusCode(200)
                    .body("items.size()", equalTo((int) documents));
            given().header("Authorization", bearer).get("/api/v1/documents/" + existing).then().statusCode(200);
            given().header("Authorization", bearer).contentType("application/json")
                    .body("{\"title\":\"Written by hand\",\"resume_data\":{}}")
                    .post("/api/v1/resumes").then().statusCode(201);
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            TestStack.get().s3().startAgain();
            storage.ensureBucket();
        }
        uploadDocument(bearer).statusCode(201);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static ValidatableResponse uploadDocument(String bearer) {
        return given().header("Authorization", bearer)
                .multiPart("file", "letter.pdf", TestFiles.pdf("Dear hiring manager"), "application/pdf")
                .multiPart("kind", "cover_letter").post("/api/v1/documents").then();
    }

    private static void problem503(ValidatableResponse response) {
        response.statusCode(503).contentType(startsWith("application/problem+json")).body("status", equalTo(503))
                .time(lessThan(10L), TimeUnit.SECONDS);
    }
}
