package io.atspro.application;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.atspro.testing.JobBoardServer;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationPipelineTest {

    static final String CAREER_PAGE = """
            <html><head><title>Careers at Wonderland Labs</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Wonderland Labs"},
             {"@type":"JobPosting","title":"Senior Backend Engineer",
              "hiringOrganization":{"@type":"Organization","name":"Wonderland Labs"},
              "description":"<p>Build our payments platform.</p><h3>Requirements</h3><ul><li>5+ years of Java</li><li>PostgreSQL</li><li>Kubernetes</li></ul>",
              "jobLocation":{"@type":"Place","address":{"addressLocality":"Berlin","addressCountry":"DE"}},
              "employmentType":"FULL_TIME","datePosted":"2026-11-01"}]}
            </script></head><body><h1>Senior Backend Engineer</h1></body></html>""";

    static JobBoardServer board;

    @BeforeAll
    static void startBoard() {
        board = JobBoardServer.start();
        board.wiremock().stubFor(get(urlEqualTo("/jobs/42")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(CAREER_PAGE)));
        board.wiremock().stubFor(get(urlEqualTo("/jobs/gone")).willReturn(aResponse().withStatus(404)));
    }

    @AfterAll
    static void stopBoard() {
        board.close();
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    static String awaitJob(String bearer, String location, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            now = given().header("Authorization", bearer).get(location).then().statusCode(200).extract().path("status");
            if (now.equals(status)) {
                return now;
            }
            if (now.equals("completed") || now.equals("failed")) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(location + " is " + now + ", expected " + status);
    }

    @Test
    void aliceTracksAJobFromItsPageAndMovesHerApplicationThroughThePipeline() throws Exception {
        String alice = Tokens.user().bearer();
        String jobLocation = as(alice).body("{\"url\":\"" + board.url("/jobs/42") + "\"}").post("/api/v1/jobs")
                .then().statusCode(202).body("status", equalTo("pending")).body("task_id", notNullValue())
                .extract().header("Location");
        awaitJob(alice, jobLocation, "completed");
        String jobId = given().header("Authorization", alice).get(jobLocation).then()
                .body("parsed_data.title", equalTo("Senior Backend Engineer"))
                .body("parsed_data.company", equalTo("Wonderland Labs"))
                .extract().path("id");

        String application = as(alice).body("{\"job_id\":\"" + jobId + "\"}").post("/api/v1/applications")
                .then().statusCode(201)
                .body("company_name", equalTo("Wonderland Labs"))
                .body("job_title", equalTo("Senior Backend Engineer"))
                .body("status", equalTo("saved"))
                .extract().header("Location");

        for (String status : new String[] {"applied", "screening", "interviewing", "offered"}) {
            as(alice).body("{\"status\":\"" + status + "\"}").post(application + "/status")
                    .then().statusCode(200).body("status", equalTo(status));
        }
        as(alice).get(application).then()
                .body("applied_at", notNullValue())
                .body("response_date", notNullValue())
                .body("offer_date", notNullValue());
        as(alice).get(application + "/timeline").then().statusCode(200)
                .body("to_status", contains("saved", "applied", "screening", "interviewing", "offered"))
                .body("from_status", contains(null, "saved", "applied", "screening", "interviewing"));

        as(alice).body("{\"status\":\"saved\"}").post(application + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("offered"));
        as(alice).get(application).then().body("status", equalTo("offered"));
        as(alice).get(application + "/timeline").then().body("$", hasSize(5));

        String bob = Tokens.user().bearer();
        given().header("Authorization", bob).get(application).then().statusCode(404);
        given().header("Authorization", bob).get(application + "/timeline").then().statusCode(404);
        as(bob).body("{\"status\":\"accepted\"}").post(application + "/status").then().statusCode(404);
        given().header("Authorization", bob).get(jobLocation).then().statusCode(404);
        given().header("Authorization", bob).get("/api/v1/applications").then().body("total", equalTo(0));
        as(bob).body("{\"job_id\":\"" + jobId + "\"}").post("/api/v1/applications").then().statusCode(404);
    }

    @Test
    void aPageThatCannotBeFetchedMarksTheJobFailedWithTheReason() throws Exception {
        String bearer = Tokens.user().bearer();
        String location = as(bearer).body("{\"url\":\"" + board.url("/jobs/gone") + "\"}").post("/api/v1/jobs")
                .then().statusCode(202).extract().header("Location");
        awaitJob(bearer, location, "failed");
        given().header("Authorization", bearer).get(location).then().body("error_message", containsString("404"));
    }

    @Test
    void interviewDatesAndOtherStagesUseTheDatesTheUserGives() {
        String bearer = Tokens.user().bearer();
        String application = as(bearer)
                .body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\",\"status\":\"applied\",\"applied_at\":\"2026-10-01T09:00:00Z\"}")
                .post("/api/v1/applications").then().statusCode(201)
                .body("applied_at", equalTo("2026-10-01T09:00:00Z")).extract().header("Location");
        as(bearer).body("{\"status\":\"interviewing\",\"at\":\"2026-10-10T14:00:00Z\",\"note\":\"Onsite\"}")
                .post(application + "/status").then().statusCode(200)
                .body("interview_dates", contains("2026-10-10T14:00:00Z"))
                .body("response_date", equalTo("2026-10-10T14:00:00Z"));
        as(bearer).body("{\"notes\":\"Great team\",\"follow_up_date\":\"2026-10-20\",\"offer_salary\":120000}")
                .patch(application).then().statusCode(200)
                .body("notes", equalTo("Great team")).body("follow_up_date", equalTo("2026-10-20"))
                .body("status", equalTo("interviewing"));
        as(bearer).body("{\"notes\":null}").patch(application).then().statusCode(200).body("notes", nullValue())
                .body("offer_salary", equalTo(120000));
        as(bearer).body("{\"status\":\"offered\"}").patch(application).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(bearer).body("{\"offer_salary\":-5}").patch(application).then().statusCode(400)
                .body("errors[0].field", equalTo("offer_salary"));
        as(bearer).get(application + "/timeline").then().body("[1].notes", equalTo("Onsite"));
    }

    @Test
    void listsFilterAndSort() {
        String bearer = Tokens.user().bearer();
        as(bearer).body("{\"company_name\":\"Beta Corp\",\"job_title\":\"Dev\",\"status\":\"applied\",\"applied_at\":\"2026-09-01T00:00:00Z\"}")
                .post("/api/v1/applications").then().statusCode(201);
        as(bearer).body("{\"company_name\":\"Alpha Inc\",\"job_title\":\"Dev\",\"status\":\"applied\",\"applied_at\":\"2026-10-01T00:00:00Z\"}")
                .post("/api/v1/applications").then().statusCode(201);
        as(bearer).body("{\"company_name\":\"Gamma\",\"job_title\":\"Dev\"}").post("/api/v1/applications").then().statusCode(201);

        given().header("Authorization", bearer).queryParam("status", "applied").queryParam("sort", "company_name")
                .queryParam("order", "asc").get("/api/v1/applications")
                .then().statusCode(200).body("items.company_name", contains("Alpha Inc", "Beta Corp"));
        given().header("Authorization", bearer).queryParam("from", "2026-09-15").get("/api/v1/applications")
                .then().body("items.company_name", contains("Alpha Inc"));
        given().header("Authorization", bearer).queryParam("company", "gam").get("/api/v1/applications")
                .then().body("items.company_name", contains("Gamma"));
        given().header("Authorization", bearer).queryParam("status", "saved").queryParam("status", "applied")
                .get("/api/v1/applications").then().body("total", equalTo(3));
        // the total of a full page is counted; of a partial page it is known without a count; past the end, counted
        given().header("Authorization", bearer).queryParam("size", "2").get("/api/v1/applications")
                .then().body("items", hasSize(2)).body("total", equalTo(3));
        given().header("Authorization", bearer).queryParam("size", "2").queryParam("page", "1").get("/api/v1/applications")
                .then().body("items", hasSize(1)).body("total", equalTo(3));
        given().header("Authorization", bearer).queryParam("size", "2").queryParam("page", "5").get("/api/v1/applications")
                .then().body("items", hasSize(0)).body("total", equalTo(3));
        given().header("Authorization", bearer).queryParam("status", "applied").queryParam("company", "a")
                .queryParam("size", "1").get("/api/v1/applications").then().body("items", hasSize(1)).body("total", equalTo(2));
        given().header("Authorization", bearer).queryParam("status", "hired").get("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer).queryParam("sort", "salary").get("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().header("Authorization", bearer).queryParam("from", "yesterday").get("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void feedbackIsRatedOneToFive() {
        String bearer = Tokens.user().bearer();
        String application = as(bearer).body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\"}")
                .post("/api/v1/applications").then().extract().header("Location");
        as(bearer).body("{\"rating\":4,\"comments\":\"Friendly recruiter\"}").post(application + "/feedback")
                .then().statusCode(201).body("rating", equalTo(4));
        as(bearer).body("{\"rating\":6}").post(application + "/feedback").then().statusCode(400)
                .body("errors[0].field", equalTo("rating"));
        as(bearer).body("{\"comments\":\"no rating\"}").post(application + "/feedback").then().statusCode(400);
        given().header("Authorization", bearer).get(application + "/feedback").then()
                .body("total", equalTo(1)).body("items[0].comments", equalTo("Friendly recruiter"));
        as(Tokens.user().bearer()).body("{\"rating\":1}").post(application + "/feedback").then().statusCode(404);
    }

    @Test
    void aJobIsReadFromAnUploadedDocument() throws Exception {
        String bearer = Tokens.user().bearer();
        String text = "Staff Data Engineer\nNorthwind Analytics\n\nRequirements\n- Python\n- Apache Spark\n- Airflow\n";
        String documentId = given().header("Authorization", bearer)
                .multiPart("file", "job.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .multiPart("kind", "other").post("/api/v1/documents").then().statusCode(201).extract().path("id");
        String location = as(bearer).body("{\"document_id\":\"" + documentId + "\"}").post("/api/v1/jobs")
                .then().statusCode(202).body("source_filename", equalTo("job.txt")).extract().header("Location");
        awaitJob(bearer, location, "completed");
        given().header("Authorization", bearer).get(location).then()
                .body("parsed_data.title", equalTo("Staff Data Engineer"))
                .body("parsed_data.qualifications", org.hamcrest.Matchers.hasItem(containsString("Spark")));
        as(Tokens.user().bearer()).body("{\"document_id\":\"" + documentId + "\"}").post("/api/v1/jobs")
                .then().statusCode(404);
    }

    @Test
    void jobsAreSearchedByTextCompanyAndStatus() {
        String bearer = Tokens.user().bearer();
        as(bearer).body("{\"parsed_data\":{\"title\":\"Rust Engineer\",\"company\":\"Ferris Co\",\"description\":\"Systems programming\"}}")
                .post("/api/v1/jobs").then().statusCode(201);
        as(bearer).body("{\"parsed_data\":{\"title\":\"Designer\",\"company\":\"Pixel Ltd\",\"description\":\"Figma and prototyping\"}}")
                .post("/api/v1/jobs").then().statusCode(201);
        given().header("Authorization", bearer).queryParam("q", "rust").get("/api/v1/jobs")
                .then().statusCode(200).body("items.parsed_data.title", contains("Rust Engineer"));
        given().header("Authorization", bearer).queryParam("q", "prototypes").get("/api/v1/jobs")
                .then().body("items.parsed_data.title", contains("Designer"));
        given().header("Authorization", bearer).queryParam("company", "pixel").get("/api/v1/jobs")
                .then().body("total", equalTo(1));
        given().header("Authorization", bearer).queryParam("status", "failed").get("/api/v1/jobs")
                .then().body("total", equalTo(0));
        as(bearer).body("{\"parsed_data\":{\"company\":\"No Title Inc\"}}").post("/api/v1/jobs")
                .then().statusCode(400).body("errors[0].field", equalTo("parsed_data.title"));
        as(bearer).body("{\"url\":\"https://example.com/j\",\"parsed_data\":{\"title\":\"x\"}}").post("/api/v1/jobs")
                .then().statusCode(400);
        given().header("Authorization", bearer).get("/api/v1/jobs").then().body("total", equalTo(2));
    }

    @Test
    void creatingNeedsACompanyAndATitle() {
        String bearer = Tokens.user().bearer();
        as(bearer).body("{\"job_title\":\"Engineer\"}").post("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("company_name"));
        as(bearer).body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\",\"status\":\"offered\"}")
                .post("/api/v1/applications").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as(bearer).body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\",\"job_url\":\"ftp://x\"}")
                .post("/api/v1/applications").then().statusCode(400).body("errors[0].field", equalTo("job_url"));
        given().header("Authorization", bearer).get("/api/v1/applications").then().body("total", equalTo(0));
    }
}
