package io.atspro.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.atspro.identity.Plan;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatchAndGenerationTest {

    static final String RESUME = """
            {"title":"Alice","resume_data":{"contact_info":{"full_name":"Alice Liddell","email":"alice@example.com",
              "phone":"+1 415 555 0134","links":[]},"summary":"Backend engineer building payment systems.",
              "work_experience":[{"company":"Looking Glass Inc","position":"Senior Software Engineer",
                "start_date":"2019-03","end_date":null,"is_current":true,"description":"Payments platform",
                "responsibilities":["Built Java microservices on Kubernetes","Tuned PostgreSQL for 10k TPS"],
                "skills":["Java","Kubernetes","PostgreSQL"]}],
              "education":[{"institution":"University of Oxford","degree":"BSc","field_of_study":"Mathematics",
                "graduation_date":"2015"}],"certifications":[],"skills":["Java","Spring","PostgreSQL","Kubernetes","Redis"]}}""";
    static final String JOB = """
            {"parsed_data":{"company":"Wonderland Labs","title":"Senior Backend Engineer",
              "description":"We build payments.","responsibilities":["Design Java services","Run them on k8s"],
              "qualifications":["5+ years of Java","Postgres","Kafka","Terraform"],"location":["Berlin"]}}""";

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    private static String[] resumeAndJob(String bearer) {
        String resume = as(bearer).body(RESUME).post("/api/v1/resumes").then().statusCode(201).extract().path("id");
        String job = as(bearer).body(JOB).post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        return new String[] {resume, job};
    }

    @Test
    void aMatchShowsMatchedAndMissingKeywordsAndIsStored() {
        String alice = Tokens.user().bearer();
        String[] ids = resumeAndJob(alice);
        String match = as(alice).body("{\"resume_id\":\"" + ids[0] + "\",\"job_id\":\"" + ids[1] + "\"}")
                .post("/api/v1/matches").then().statusCode(201)
                .body("result.score", allOf(greaterThan(0), lessThanOrEqualTo(100)))
                .body("result.keywords_matched", hasItem("Java"))
                .body("result.keywords_matched", hasItem("PostgreSQL"))
                .body("result.keywords_matched", hasItem("Kubernetes"))
                .body("result.keywords_missing", hasItem("Kafka"))
                .body("result.keywords_missing", hasItem("Terraform"))
                .body("result.suggestions.size()", greaterThan(0))
                .body("result.semantic_similarity", greaterThan(0.4f))
                .extract().path("id");
        given().header("Authorization", alice).queryParam("resume_id", ids[0]).get("/api/v1/matches")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(match));
        given().header("Authorization", alice).queryParam("job_id", ids[1]).get("/api/v1/matches")
                .then().body("total", equalTo(1));

        String bob = Tokens.user().bearer();
        given().header("Authorization", bob).get("/api/v1/matches/" + match).then().statusCode(404);
        as(bob).body("{\"resume_id\":\"" + ids[0] + "\",\"job_id\":\"" + ids[1] + "\"}").post("/api/v1/matches")
                .then().statusCode(404);
        as(alice).body("{\"resume_id\":\"" + ids[0] + "\"}").post("/api/v1/matches")
                .then().statusCode(400).body("errors[0].field", equalTo("job_id"));
    }

    @Test
    void theSemanticSimilaritySeesWhatTheKeywordsMiss() {
        String alice = Tokens.user().bearer();
        String resume = as(alice).body(RESUME).post("/api/v1/resumes").then().statusCode(201).extract().path("id");
        String serverSide = as(alice).body("""
                {"parsed_data":{"company":"Cheshire","title":"Server-side developer",
                  "description":"You write the services behind our apps and look after their data stores."}}""")
                .post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        String chef = as(alice).body("""
                {"parsed_data":{"company":"Cheshire","title":"Pastry chef",
                  "description":"Croissants, tarts and laminated doughs from five in the morning."}}""")
                .post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        float close = as(alice).body("{\"resume_id\":\"" + resume + "\",\"job_id\":\"" + serverSide + "\"}")
                .post("/api/v1/matches").then().statusCode(201).extract().path("result.semantic_similarity");
        float far = as(alice).body("{\"resume_id\":\"" + resume + "\",\"job_id\":\"" + chef + "\"}")
                .post("/api/v1/matches").then().statusCode(201).extract().path("result.semantic_similarity");
        assertThat(close).isGreaterThan(far + 0.15f);
    }

    @Test
    void aCatalogPostingIsMatchedByItsIdAndTrackedOnTheWay() {
        String alice = Tokens.user().bearer();
        String resume = as(alice).body(RESUME).post("/api/v1/resumes").then().statusCode(201).extract().path("id");
        String company = "Matchable " + BoardPayloads.uniqueWord();
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of(
                BoardPayloads.ashbyJob("Backend Engineer", "Berlin", "Germany", "Hybrid", "FullTime",
                        null, null, null, "2026-11-01T10:00:00Z",
                        "We need Java, PostgreSQL, Kafka and Terraform. 5+ years of backend work."))));
        CatalogAdmin.run(CatalogAdmin.addSource("ashby", board, company));
        String posting = given().header("Authorization", alice).queryParam("company", company)
                .get("/api/v1/postings").then().statusCode(200).extract().path("items[0].id");

        // a resume that is not hers: 404, and the posting is not tracked either
        String bob = Tokens.user().bearer();
        String bobsResume = as(bob).body(RESUME).post("/api/v1/resumes").then().statusCode(201).extract().path("id");
        as(alice).body("{\"resume_id\":\"" + bobsResume + "\",\"posting_id\":\"" + posting + "\"}")
                .post("/api/v1/matches").then().statusCode(404);
        given().header("Authorization", alice).get("/api/v1/jobs").then().body("total", equalTo(0));

        as(alice).body("{\"resume_id\":\"" + resume + "\",\"posting_id\":\"" + posting + "\"}")
                .post("/api/v1/matches").then().statusCode(201)
                .body("result.keywords_matched", hasItem("Java"))
                .body("result.keywords_missing", hasItem("Terraform"));
        given().header("Authorization", alice).get("/api/v1/jobs").then().body("total", equalTo(1))
                .body("items[0].posting_id", equalTo(posting));
        // the second match reuses the tracked job
        as(alice).body("{\"resume_id\":\"" + resume + "\",\"posting_id\":\"" + posting + "\"}")
                .post("/api/v1/matches").then().statusCode(201);
        given().header("Authorization", alice).get("/api/v1/jobs").then().body("total", equalTo(1));
        as(alice).body("{\"resume_id\":\"" + resume + "\",\"posting_id\":\"" + posting
                + "\",\"job_id\":\"" + posting + "\"}").post("/api/v1/matches").then().statusCode(400);
        as(alice).body("{\"resume_id\":\"" + resume + "\",\"posting_id\":\"" + UUID.randomUUID()
                + "\"}").post("/api/v1/matches").then().statusCode(404);
    }

    @Test
    void anOfflineCoverLetterNamesTheRealEmployerAndTheCompany() {
        String alice = Tokens.user().bearer();
        String[] ids = resumeAndJob(alice);
        String location = as(alice).body("{\"content_type\":\"cover_letter\",\"resume_id\":\"" + ids[0]
                        + "\",\"job_id\":\"" + ids[1] + "\"}").post("/api/v1/generated")
                .then().statusCode(201)
                .body("content_text", containsString("Looking Glass Inc"))
                .body("content_text", containsString("Wonderland Labs"))
                .body("content_text", not(containsString("[")))
                .body("model_used", notNullValue())
                .body("generation_prompt", notNullValue())
                .extract().header("Location");
        as(alice).body("{\"content_text\":\"Dear team, my own words.\"}").patch(location)
                .then().statusCode(200).body("user_edited", equalTo(true)).body("user_approved", equalTo(false));
        as(alice).post(location + "/approve").then().statusCode(200).body("user_approved", equalTo(true));
        as(alice).body("{\"content_type\":\"follow_up_email\",\"resume_id\":\"" + ids[0] + "\",\"job_id\":\"" + ids[1] + "\"}")
                .post("/api/v1/generated").then().statusCode(201).body("content_text", containsString("Wonderland Labs"));
        given().header("Authorization", alice).queryParam("content_type", "cover_letter").get("/api/v1/generated")
                .then().body("total", equalTo(1));

        String bob = Tokens.user().bearer();
        given().header("Authorization", bob).get(location).then().statusCode(404);
        as(bob).body("{\"content_text\":\"x\"}").patch(location).then().statusCode(404);
        given().header("Authorization", bob).delete(location).then().statusCode(404);
        as(alice).body("{\"content_type\":\"poem\",\"resume_id\":\"" + ids[0] + "\",\"job_id\":\"" + ids[1] + "\"}")
                .post("/api/v1/generated").then().statusCode(400).body("errors[0].field", equalTo("content_type"));
        given().header("Authorization", alice).delete(location).then().statusCode(204);
    }

    @Test
    void pastTheMonthlyQuotaGenerationAnswers429SayingWhichQuotaAndWhenItResets() {
        String bearer = Tokens.user().bearer();
        String[] ids = resumeAndJob(bearer);
        String body = "{\"content_type\":\"follow_up_email\",\"resume_id\":\"" + ids[0] + "\",\"job_id\":\"" + ids[1] + "\"}";
        for (int i = 0; i < Plan.FREE.limits().aiGenerations(); i++) {
            as(bearer).body(body).post("/api/v1/generated").then().statusCode(201);
        }
        as(bearer).body(body).post("/api/v1/generated").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("generations"))
                .body("detail", containsString("resets on"));
        given().header("Authorization", bearer).get("/api/v1/generated")
                .then().body("total", equalTo(Plan.FREE.limits().aiGenerations()));
    }
}
