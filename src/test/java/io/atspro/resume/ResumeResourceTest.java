package io.atspro.resume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.atspro.storage.ObjectStorage;
import io.atspro.testing.Db;
import io.atspro.testing.TestFiles;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResumeResourceTest {

    static final String[] ALICE_RESUME = {
            "Alice Liddell",
            "alice.liddell@example.com | +1 (415) 555-0134 | linkedin.com/in/aliceliddell",
            "Summary",
            "Backend engineer who likes clear APIs.",
            "Experience",
            "Senior Software Engineer at Wonderland Labs",
            "Mar 2021 - Present",
            "- Built the payments API",
            "Software Engineer at Looking Glass Inc",
            "Jun 2017 - Feb 2021",
            "- Cut p99 latency by 60%",
            "Education",
            "University of Oxford",
            "Bachelor of Science in Mathematics, 2017",
            "Skills",
            "Java, PostgreSQL, Kubernetes, Redis"};

    static final String MANUAL = """
            {"title":"Hand written","resume_data":{"contact_info":{"full_name":"Bob Builder","email":"bob@example.com",
              "phone":null,"address":null,"links":[]},"summary":"Builds things",
              "work_experience":[{"company":"Fix It","position":"Builder","start_date":"2019-01","end_date":null,
              "is_current":true,"description":null,"responsibilities":["Walls"],"skills":[]}],
              "education":[],"certifications":[],"skills":["Bricks"]}}""";

    @Inject
    ObjectStorage storage;

    static String userId(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static ValidatableResponse upload(String bearer, String filename, byte[] content) {
        return given().header("Authorization", bearer).multiPart("file", filename, content, "application/pdf")
                .post("/api/v1/resumes").then();
    }

    static ValidatableResponse awaitFinished(String bearer, String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ValidatableResponse response = given().header("Authorization", bearer).get(location).then().statusCode(200);
            String status = response.extract().path("status");
            if (!status.equals("pending") && !status.equals("parsing")) {
                return response;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(location + " was never parsed");
    }

    @Test
    void anUploadedPdfIsParsedInTheBackground() throws Exception {
        String alice = Tokens.user().bearer();
        ValidatableResponse accepted = upload(alice, "alice.pdf", SampleDocuments.pdf(ALICE_RESUME))
                .statusCode(202)
                .body("status", equalTo("pending"))
                .body("task_id", notNullValue())
                .body("file_metadata.content_type", equalTo("application/pdf"));
        String location = accepted.extract().header("Location");
        String taskId = accepted.extract().path("task_id");

        awaitFinished(alice, location)
                .body("status", equalTo("parsed"))
                .body("title", equalTo("alice"))
                .body("resume_data.contact_info.full_name", equalTo("Alice Liddell"))
                .body("resume_data.contact_info.email", equalTo("alice.liddell@example.com"))
                .body("resume_data.work_experience.company", hasItems("Wonderland Labs", "Looking Glass Inc"))
                .body("resume_data.work_experience[0].is_current", equalTo(true))
                .body("resume_data.education[0].institution", equalTo("University of Oxford"))
                .body("resume_data.skills", hasItems("Java", "PostgreSQL", "Kubernetes", "Redis"))
                .body("parse_warnings", not(hasItem(ParsedResume.ALMOST_NOTHING)));
        given().header("Authorization", alice).get("/api/v1/resumes").then().statusCode(200)
                .body("items[0].parse_warnings", notNullValue());
        given().header("Authorization", alice).get("/api/v1/tasks/" + taskId)
                .then().statusCode(200).body("status", equalTo("completed")).body("result_data.jobs", equalTo(2));
    }

    @Test
    void anotherUserCannotSeeDownloadOrDeleteIt() throws Exception {
        String alice = Tokens.user().bearer();
        String location = upload(alice, "alice.pdf", SampleDocuments.pdf(ALICE_RESUME)).statusCode(202)
                .extract().header("Location");
        String documentId = awaitFinished(alice, location).extract().path("file_metadata.document_id");

        String bob = Tokens.user().bearer();
        given().header("Authorization", bob).get(location).then().statusCode(404);
        given().header("Authorization", bob).get("/api/v1/documents/" + documentId + "/download").then().statusCode(404);
        given().header("Authorization", bob).delete(location).then().statusCode(404);
        given().header("Authorization", bob).get(location + "/export").then().statusCode(404);
        given().header("Authorization", alice).get(location).then().statusCode(200);
    }

    @Test
    void badUploadsFailCleanlyAndTheWorkerGoesOn(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        upload(bearer, "empty.pdf", new byte[0]).statusCode(400);
        upload(bearer, "photo.pdf", SampleDocuments.PNG_HEAD).statusCode(415);

        byte[] pdf = SampleDocuments.pdf(ALICE_RESUME);
        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 2);
        Map<String, byte[]> failing = Map.of(
                "truncated.pdf", truncated,
                "locked.pdf", SampleDocuments.passwordProtectedPdf("secret", ALICE_RESUME),
                "bomb.docx", Files.readAllBytes(SampleDocuments.zipBombDocx(temp, 200L * 1024 * 1024)));
        for (Map.Entry<String, byte[]> bad : failing.entrySet()) {
            String location = upload(bearer, bad.getKey(), bad.getValue()).statusCode(202).extract().header("Location");
            awaitFinished(bearer, location).body("status", equalTo("failed")).body("error_message", notNullValue());
        }
        byte[] big = ("Carol Big\ncarol@example.com\nSkills\nJava\n" + "filler line of text\n".repeat(490_000))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isBetween(9_800_000, 10_000_000);
        String bigLocation = upload(bearer, "big.txt", big).statusCode(202).extract().header("Location");
        awaitFinished(bearer, bigLocation).body("status", equalTo("parsed"))
                .body("resume_data.contact_info.email", equalTo("carol@example.com"))
                .body("parse_warnings", hasItem(ResumeParseHandler.TRUNCATED));

        String good = upload(bearer, "alice.pdf", pdf).statusCode(202).extract().header("Location");
        awaitFinished(bearer, good).body("status", equalTo("parsed"));
        // every stored object has its row, every row its object
        assertThat(storage.keys(ObjectStorage.userPrefix(userId)))
                .hasSize((int) Db.count("SELECT count(*) FROM documents WHERE user_id = ?", userId));
    }

    @Test
    void aFileWithAlmostNothingToReadSaysSoUntilTheUserEditsIt() throws Exception {
        String bearer = Tokens.user().bearer();
        String location = given().header("Authorization", bearer)
                .multiPart("file", "note.txt", "Nora Note\nnora@example.com\n\nThanks for meeting me on Tuesday.\n"
                        .getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/resumes").then().statusCode(202).extract().header("Location");

        awaitFinished(bearer, location)
                .body("status", equalTo("parsed"))
                .body("resume_data.contact_info.email", equalTo("nora@example.com"))
                .body("parse_warnings[0]", equalTo(ParsedResume.ALMOST_NOTHING));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"title\":\"Nora\"}")
                .patch(location).then().statusCode(200).body("parse_warnings[0]", equalTo(ParsedResume.ALMOST_NOTHING));
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"resume_data\":{\"contact_info\":{\"full_name\":\"Nora Note\"},\"skills\":[\"Notes\"]}}")
                .patch(location).then().statusCode(200).body("parse_warnings", empty());
        given().header("Authorization", bearer).get(location).then().body("parse_warnings", empty());
    }

    @Test
    void aManualResumeIsEditedVersionByVersion() {
        String bearer = Tokens.user().bearer();
        String location = given().header("Authorization", bearer).contentType(ContentType.JSON).body(MANUAL)
                .post("/api/v1/resumes").then().statusCode(201)
                .body("status", equalTo("manual")).body("version", equalTo(1)).body("parse_warnings", empty())
                .extract().header("Location");
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"title\":\"Renamed\"}").patch(location)
                .then().statusCode(200).body("title", equalTo("Renamed")).body("version", equalTo(2))
                .body("resume_data.skills", hasItems("Bricks"));
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"resume_data\":{\"contact_info\":{\"full_name\":\"Bob B\"},\"skills\":[\"Cement\"]}}").patch(location)
                .then().statusCode(200).body("version", equalTo(3)).body("resume_data.skills[0]", equalTo("Cement"));
    }

    @Test
    void aResumeTypedByHandHasItsOwnOperationAndTheUploadPathStillTakesIt() {
        String bearer = Tokens.user().bearer();
        String location = given().header("Authorization", bearer).contentType(ContentType.JSON).body(MANUAL)
                .post("/api/v1/resumes/manual").then().statusCode(201)
                .body("status", equalTo("manual")).body("title", equalTo("Hand written"))
                .extract().header("Location");
        assertThat(location).matches(".*/api/v1/resumes/[0-9a-f-]{36}");
        given().header("Authorization", bearer).get(location).then().statusCode(200)
                .body("resume_data.contact_info.full_name", equalTo("Bob Builder"));
        // the body it needs, and nothing else
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"title\":\"No data\"}")
                .post("/api/v1/resumes/manual").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("resume_data"));
        given().header("Authorization", bearer).contentType(ContentType.TEXT).body(MANUAL)
                .post("/api/v1/resumes/manual").then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"title\":")
                .post("/api/v1/resumes/manual").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer).get("/api/v1/resumes").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void theShapeOfResumeDataIsCheckedFieldByField() {
        String bearer = Tokens.user().bearer();
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(MANUAL.replace("\"is_current\":true", "\"is_current\":\"sometimes\""))
                .post("/api/v1/resumes").then().statusCode(400)
                .body("errors[0].field", equalTo("resume_data.work_experience[0].is_current"));
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(MANUAL.replace("\"skills\":[\"Bricks\"]", "\"skills\":\"Bricks\""))
                .post("/api/v1/resumes").then().statusCode(400)
                .body("errors[0].field", equalTo("resume_data.skills"));
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(MANUAL.replace("\"2019-01\"", "\"last spring\""))
                .post("/api/v1/resumes").then().statusCode(400)
                .body("errors[0].field", containsString("start_date"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"title\":\"x\"}")
                .post("/api/v1/resumes").then().statusCode(400).body("errors[0].field", equalTo("resume_data"));
        given().header("Authorization", bearer).get("/api/v1/resumes").then().body("total", equalTo(0));
    }

    @Test
    void oneResumeIsActiveAndTheProfilePointsAtIt() {
        String bearer = Tokens.user().bearer();
        String first = given().header("Authorization", bearer).contentType(ContentType.JSON).body(MANUAL)
                .post("/api/v1/resumes").then().statusCode(201).extract().path("id");
        String second = given().header("Authorization", bearer).contentType(ContentType.JSON).body(MANUAL)
                .post("/api/v1/resumes").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer).post("/api/v1/resumes/" + first + "/activate")
                .then().statusCode(200).body("is_active", equalTo(true));
        given().header("Authorization", bearer).post("/api/v1/resumes/" + second + "/activate").then().statusCode(200);
        given().header("Authorization", bearer).get("/api/v1/resumes/" + first).then().body("is_active", equalTo(false));
        given().header("Authorization", bearer).get("/api/v1/me").then().body("profile.active_resume_id", equalTo(second));

        given().header("Authorization", bearer).delete("/api/v1/resumes/" + second).then().statusCode(204);
        given().header("Authorization", bearer).get("/api/v1/me").then().body("profile.active_resume_id", equalTo(null));
    }

    @Test
    void jsonResumeImportAndExportRoundTrip() {
        String bearer = Tokens.user().bearer();
        String jsonResume = """
                {"basics":{"name":"Dana Scully","email":"dana@example.com","phone":"+1 202 555 0100",
                  "summary":"Forensic pathologist","profiles":[{"network":"GitHub","url":"https://github.com/dscully"}]},
                 "work":[{"name":"FBI","position":"Special Agent","startDate":"1992-03","endDate":"2002-05",
                  "highlights":["Closed X-files"]}],
                 "education":[{"institution":"University of Maryland","studyType":"Bachelor","area":"Physics","endDate":"1986"}],
                 "skills":[{"name":"Forensics"},{"name":"Medicine"}]}""";
        String id = given().header("Authorization", bearer).contentType(ContentType.JSON).body(jsonResume)
                .post("/api/v1/resumes/import").then().statusCode(201)
                .body("source", equalTo("import"))
                .body("parse_warnings", empty())
                .body("resume_data.contact_info.full_name", equalTo("Dana Scully"))
                .body("resume_data.work_experience[0].company", equalTo("FBI"))
                .extract().path("id");
        given().header("Authorization", bearer).get("/api/v1/resumes/" + id + "/export?format=json-resume")
                .then().statusCode(200)
                .body("basics.name", equalTo("Dana Scully"))
                .body("basics.email", equalTo("dana@example.com"))
                .body("work[0].name", equalTo("FBI"))
                .body("work[0].startDate", equalTo("1992-03"))
                .body("work[0].highlights[0]", equalTo("Closed X-files"))
                .body("education[0].area", equalTo("Physics"));
        given().header("Authorization", bearer).get("/api/v1/resumes/" + id + "/export?format=markdown")
                .then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("# Dana Scully")).body(containsString("FBI"));
        given().header("Authorization", bearer).get("/api/v1/resumes/" + id + "/export?format=docx")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"basics\":\"nope\"}")
                .post("/api/v1/resumes/import").then().statusCode(400).body("errors[0].field", containsString("basics"));
    }

    @Test
    void deletingAResumeDeletesItsFile() throws Exception {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        String location = upload(bearer, "cv.pdf", TestFiles.pdf("Zed Zero")).statusCode(202).extract().header("Location");
        awaitFinished(bearer, location);
        assertThat(storage.keys(ObjectStorage.userPrefix(userId))).hasSize(1);
        given().header("Authorization", bearer).delete(location).then().statusCode(204);
        given().header("Authorization", bearer).get(location).then().statusCode(404);
        assertThat(storage.keys(ObjectStorage.userPrefix(userId))).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM documents WHERE user_id = ?", userId)).isZero();
    }
}
