package io.atspro.resume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Each of the 30 real resumes in {@code ../shared/fixtures/resumes-real/files}, uploaded through
 * {@code POST /api/v1/resumes} as a user would, comes back parsed with a work history or a warning saying why not,
 * and with the layout's warnings. Assertions are made on extracted facts (counts, booleans), so a failure never
 * prints what a resume says. Skipped when {@code ../shared} is absent.
 */
@QuarkusTest
class RealResumeUploadTest {

    @Test
    void everyRealResumeUploadsToAWorkHistoryOrSaysWhy() throws Exception {
        List<Path> files = RealResumeQualityTest.files();
        SoftAssertions soft = new SoftAssertions();
        int withJobs = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String contentType = name.endsWith(".pdf") ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            String bearer = Tokens.user().bearer();
            String location = given().header("Authorization", bearer)
                    .multiPart("file", name, Files.readAllBytes(file), contentType)
                    .post("/api/v1/resumes").then().statusCode(202).extract().header("Location");

            JsonPath resume = awaitFinished(bearer, location);

            soft.assertThat(resume.getString("status")).as(name + " status").isEqualTo("parsed");
            List<Map<String, Object>> jobs = resume.getList("resume_data.work_experience");
            List<String> warnings = resume.getList("parse_warnings", String.class);
            boolean explained = warnings.contains(ParseWarnings.NO_EXPERIENCE_SECTION)
                    || warnings.contains(ParseWarnings.EXPERIENCE_NOT_READ);
            soft.assertThat(!jobs.isEmpty() || explained).as(name + " has jobs or says why not").isTrue();
            long nameless = jobs.stream().filter(job -> job.get("company") == null && job.get("position") == null).count();
            soft.assertThat(nameless).as(name + ": jobs with neither company nor title").isZero();
            long incomplete = jobs.stream().filter(job -> job.get("company") == null || job.get("position") == null).count();
            soft.assertThat(incomplete == 0 || warnings.stream().anyMatch(w -> w.contains("no company or no title")))
                    .as(name + ": a job missing its company or title is flagged").isTrue();
            withJobs += jobs.isEmpty() ? 0 : 1;
        }
        soft.assertThat(withJobs).as("uploads with a work history").isGreaterThanOrEqualTo(files.size() - 2);
        soft.assertAll();
    }

    private static JsonPath awaitFinished(String bearer, String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath resume = given().header("Authorization", bearer).get(location).then().statusCode(200)
                    .extract().jsonPath();
            String status = resume.getString("status");
            if (!status.equals("pending") && !status.equals("parsing")) {
                return resume;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(location + " was never parsed");
    }
}
