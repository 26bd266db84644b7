package io.atspro.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Db;
import io.atspro.testing.SharedFixtures;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user starts a discovery for "data analyst" in "Berlin": the catalog and the Workday boards that are configured
 * are searched in the background, what the board finds enters the catalog, and the user pages through the results.
 */
@QuarkusTest
class DiscoveryResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer boards() {
        return TestStack.get().boards().wiremock();
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /**
     * A Workday board whose server-side search for "data analyst" finds one Berlin posting; its detail is the one
     * complete real Workday detail with the title and place changed (SYNTHETIC search answer, real detail shape).
     */
    private static String workdayBoardWithAnAnalystInBerlin(String tenant, int delayMs) throws Exception {
        String cxs = "/wday/cxs/" + tenant + "/Careers";
        String path = "/job/Germany-Berlin/Data-Analyst_" + tenant.toUpperCase();
        ObjectNode detail = (ObjectNode) JSON.readTree(SharedFixtures.string(
                "fixtures/job-boards/workday/eujobfeeds_nvidia_job_detail_full.json"));
        ObjectNode info = (ObjectNode) detail.get("jobPostingInfo");
        info.put("title", "Data Analyst").put("location", "Germany, Berlin")
                .put("externalUrl", "https://" + tenant + ".wd3.myworkdayjobs.com/Careers" + path);
        info.putObject("country").put("descriptor", "Germany").put("alpha2Code", "DE");
        ObjectNode found = JSON.createObjectNode().put("total", 1);
        found.putArray("jobPostings").addObject().put("title", "Data Analyst").put("externalPath", path)
                .put("locationsText", "Germany, Berlin").put("postedOn", "Posted Today");
        ObjectNode none = JSON.createObjectNode().put("total", 0);
        none.putArray("jobPostings");
        boards().stubFor(post(urlPathEqualTo(cxs + "/jobs")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(none.toString())));
        boards().stubFor(post(urlPathEqualTo(cxs + "/jobs")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.searchText", com.github.tomakehurst.wiremock.client.WireMock
                        .equalToIgnoreCase("data analyst")))
                .withRequestBody(matchingJsonPath("$.offset", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("0")))
                .willReturn(aResponse().withFixedDelay(delayMs).withHeader("Content-Type", "application/json")
                        .withBody(found.toString())));
        boards().stubFor(get(urlPathEqualTo(cxs + path)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(detail.toString())));
        return given().header("Authorization", CatalogAdmin.bearer()).contentType(ContentType.JSON)
                .body("{\"url\":\"https://" + tenant + ".wd3.myworkdayjobs.com/Careers\",\"company_name\":\"Analytica "
                        + tenant + "\"}")
                .post("/api/v1/admin/scrape-sources").then().statusCode(201).extract().path("id");
    }

    private static JsonPath await(String bearer, String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath d = null;
        while (System.nanoTime() < deadline) {
            d = as(bearer).get(location).then().statusCode(200).extract().jsonPath();
            if (d.getString("status").equals("succeeded") || d.getString("status").equals("failed")) {
                return d;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the discovery did not finish: " + (d == null ? null : d.prettify()));
    }

    @Test
    void aUserDiscoversDataAnalystJobsInBerlinOnTheCatalogAndTheBoards() throws Exception {
        SharedFixtures.assumeAvailable("fixtures/job-boards/workday");
        String tenant = BoardPayloads.uniqueWord();
        String source = workdayBoardWithAnAnalystInBerlin(tenant, 0);
        // already in the catalog: an Ashby posting in Berlin, and one elsewhere that must not come back
        String ashbyCompany = "Zahlenwerk " + BoardPayloads.uniqueWord();
        String ashby = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(ashby, BoardPayloads.ashbyBoard(List.of(
                BoardPayloads.ashbyJob("Senior Data Analyst", "Berlin", "Germany", "Hybrid", "FullTime", null, null,
                        null, "2026-11-20T10:00:00Z", "SQL and Python for our data analyst team."),
                BoardPayloads.ashbyJob("Data Analyst", "Lisbon", "Portugal", "OnSite", "FullTime", null, null, null,
                        "2026-11-20T10:00:00Z", "SQL for our data analyst team."))));
        CatalogAdmin.run(CatalogAdmin.addSource("ashby", ashby, ashbyCompany));
        String user = Tokens.user().bearer();

        var started = as(user).body("{\"search_query\":\"data analyst\",\"location\":\"Berlin\","
                + "\"sources\":[\"workday\"]}").post("/api/v1/discoveries").then().statusCode(202)
                .body("status", equalTo("queued")).body("search_query", equalTo("data analyst"))
                .body("sources", equalTo(List.of("workday"))).extract();
        JsonPath done = await(user, started.header("Location"));

        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("succeeded");
        assertThat(done.getInt("boards_searched")).isGreaterThanOrEqualTo(1);
        assertThat(done.getInt("jobs_new")).isGreaterThanOrEqualTo(1);
        assertThat(done.getLong("duration_ms")).isNotNull();
        JsonPath results = as(user).queryParam("size", 100).get(started.header("Location") + "/postings").then()
                .statusCode(200).extract().jsonPath();
        List<String> companies = results.getList("items.company_name", String.class);
        assertThat(companies).contains("Analytica " + tenant, ashbyCompany);
        assertThat(results.getList("items.location", String.class)).allSatisfy(l -> assertThat(l).contains("Berlin"));
        assertThat(results.getInt("total")).isEqualTo(done.getInt("jobs_found"));
        // the board's find is in the catalog now, for every user's search
        assertThat(Db.count("SELECT count(*) FROM job_postings WHERE source_id = ?::uuid AND title = 'Data Analyst'",
                source)).isEqualTo(1);
        assertThat(boards().findAll(postRequestedFor(urlPathEqualTo("/wday/cxs/" + tenant + "/Careers/jobs"))))
                .isNotEmpty();
        as(user).get("/api/v1/discoveries").then().statusCode(200).body("items.id", hasItem(done.getString("id")));
    }

    @Test
    void oneDiscoveryAtATimeAndNotPastThePlansMonthlyDiscoveries() throws Exception {
        SharedFixtures.assumeAvailable("fixtures/job-boards/workday");
        workdayBoardWithAnAnalystInBerlin(BoardPayloads.uniqueWord(), 2000);
        String user = Tokens.user().bearer();
        String first = as(user).body("{\"search_query\":\"data analyst\",\"sources\":[\"workday\"]}")
                .post("/api/v1/discoveries").then().statusCode(202).extract().header("Location");
        as(user).body("{\"search_query\":\"engineer\"}").post("/api/v1/discoveries").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("still running"));
        await(user, first);

        String userId = as(user).get("/api/v1/me").then().statusCode(200).extract().path("id");
        Db.update("INSERT INTO usage_counters (user_id, metric, period_start, used) VALUES (?, 'discoveries', "
                + "date_trunc('month', now() AT TIME ZONE 'UTC')::date, 10) ON CONFLICT (user_id, metric, period_start) "
                + "DO UPDATE SET used = 10", userId);
        long before = Db.count("SELECT count(*) FROM crawler_jobs WHERE user_id = ?", userId);
        as(user).body("{\"search_query\":\"engineer\",\"sources\":[]}").post("/api/v1/discoveries").then()
                .statusCode(429).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM crawler_jobs WHERE user_id = ?", userId)).isEqualTo(before);
    }

    @Test
    void badDiscoveriesAreRefusedAndOthersDiscoveriesAreNotFound() {
        String user = Tokens.user().bearer();
        as(user).get("/api/v1/me").then().statusCode(200);
        String userId = as(user).get("/api/v1/me").then().extract().path("id");
        as(user).body("{\"search_query\":").post("/api/v1/discoveries").then().statusCode(400)
                .contentType("application/problem+json");
        as(user).body("{\"location\":\"Berlin\"}").post("/api/v1/discoveries").then().statusCode(400)
                .body("errors.field", hasItem(containsString("search_query")));
        as(user).body("{\"search_query\":\"x\"}").post("/api/v1/discoveries").then().statusCode(400);
        as(user).body("{\"search_query\":[\"data\"]}").post("/api/v1/discoveries").then().statusCode(400);
        as(user).body("{\"search_query\":\"data analyst\",\"sources\":[\"linkedin\"]}").post("/api/v1/discoveries")
                .then().statusCode(400).body("errors.message", hasItem(containsString("workday")));
        as(user).body("{\"search_query\":\"" + "a".repeat(201) + "\"}").post("/api/v1/discoveries").then()
                .statusCode(400);
        assertThat(Db.count("SELECT count(*) FROM crawler_jobs WHERE user_id = ?", userId)).isZero();

        String owner = Tokens.user().bearer();
        String location = as(owner).body("{\"search_query\":\"data analyst\",\"sources\":[]}")
                .post("/api/v1/discoveries").then().statusCode(202).extract().header("Location");
        as(user).get(location).then().statusCode(404).contentType("application/problem+json");
        as(user).get(location + "/postings").then().statusCode(404);
        as(user).get("/api/v1/discoveries/not-a-uuid").then().statusCode(404);
        given().get(location).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"search_query\":\"data analyst\"}").post("/api/v1/discoveries")
                .then().statusCode(401);
    }
}
