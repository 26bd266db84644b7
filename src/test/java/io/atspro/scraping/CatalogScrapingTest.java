package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.atspro.scraping.ScrapingTestSupport.fixture;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.testing.Db;
import io.atspro.testing.SharedFixtures;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scenario on the real fixture payloads: an admin adds the Greenhouse, Lever and Ashby boards, runs
 * them, users search the catalog; reruns are idempotent; a posting that leaves its board closes; a truncated
 * payload fails its run and changes nothing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogScrapingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GREENHOUSE = "/v1/boards/phonepe/jobs?content=true";
    static String greenhouse;
    static String lever;
    static String ashby;
    static final String USER = Tokens.user().subject("catalog-reader").email("reader@atspro.test").bearer();

    static WireMockServer boards() {
        return TestStack.get().boards().wiremock();
    }

    static void serveGreenhouse(String body) {
        boards().stubFor(get(urlEqualTo(GREENHOUSE)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @BeforeAll
    static void serveBoards() {
        if (!SharedFixtures.available()) {
            return; // requireBoards() skips every test
        }
        serveGreenhouse(fixture("greenhouse.json"));
        boards().stubFor(get(urlPathEqualTo("/v0/postings/meesho")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(fixture("lever.json"))));
        boards().stubFor(get(urlPathEqualTo("/posting-api/job-board/sarvam")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(fixture("ashby.json"))));
    }

    /**
     * Every test here runs on the recorded boards. Skipped one by one rather than by an assumption in
     * {@code @BeforeAll}, which Surefire would report as a class of no tests.
     */
    @BeforeEach
    void requireBoards() {
        SharedFixtures.assumeAvailable("fixtures/job-boards");
    }

    /** Walks every page of {@code q} (other tests share the catalog) and returns the posting with this title. */
    static Map<String, Object> searchOne(String q, String title) {
        List<Map<String, Object>> all = search(q, false);
        return all.stream().filter(i -> title.equals(i.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("'" + title + "' not among " + all.size() + " results of " + q));
    }

    static List<Map<String, Object>> search(String q, boolean includeInactive) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", USER).queryParam("q", q).queryParam("limit", 100)
                    .queryParam("include_inactive", includeInactive);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/postings").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return all;
    }

    @Test
    @Order(1)
    void adminAddsTheThreeFixtureBoardsAndRunsThem() {
        greenhouse = CatalogAdmin.addSource("greenhouse", "phonepe", null);
        lever = CatalogAdmin.addSource("lever", "meesho", "Meesho");
        ashby = CatalogAdmin.addSource("ashby", "sarvam", "Sarvam AI");

        for (String source : List.of(greenhouse, lever, ashby)) {
            JsonPath run = CatalogAdmin.run(source);
            assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
            assertThat(run.getInt("jobs_found")).isEqualTo(5);
            assertThat(run.getInt("jobs_new")).isEqualTo(5);
            assertThat(run.getInt("jobs_unchanged")).isZero();
            assertThat(run.getInt("requests")).isGreaterThanOrEqualTo(1);
            assertThat(run.getString("started_at")).isNotNull();
            assertThat(run.getString("completed_at")).isNotNull();
        }
        given().header("Authorization", CatalogAdmin.bearer()).get("/api/v1/admin/scrape-sources/" + lever).then()
                .statusCode(200).body("last_status", equalTo("succeeded")).body("next_run_at", notNullValue())
                .body("schedule", equalTo("0 0 */6 * * ?")).body("default_schedule", equalTo(true));
    }

    @Test
    @Order(2)
    void usersFindTheNormalizedPostings() {
        Map<String, Object> sde = searchOne("engineer", "Software Development Engineer III DevOps");
        assertThat(sde).containsEntry("company_name", "Meesho").containsEntry("city", "Bangalore")
                .containsEntry("state", "Karnataka").containsEntry("country", "IN")
                .containsEntry("work_arrangement", "hybrid").containsEntry("employment_type", "full_time")
                .containsEntry("experience_level", "senior").containsEntry("source_platform", "lever")
                .containsEntry("is_active", true).containsEntry("posted_at", "2026-06-08T06:06:59.827Z");

        Map<String, Object> analyst = searchOne("credit risk", "Analyst, Credit Risk Management - Consumer");
        assertThat(analyst).containsEntry("company_name", "PhonePe").containsEntry("source_platform", "greenhouse")
                .containsEntry("apply_url", "https://job-boards.greenhouse.io/phonepe/jobs/7750814003")
                .containsEntry("posted_at", "2026-05-29T08:38:20Z");
        assertThat((String) analyst.get("snippet")).isNotBlank().doesNotContain("<", "&amp;");

        Map<String, Object> architect = searchOne("solution architect", "Solution Architect");
        assertThat(architect).containsEntry("company_name", "Sarvam AI").containsEntry("city", "Delhi")
                .containsEntry("work_arrangement", "onsite").containsEntry("source_platform", "ashby");

        given().header("Authorization", USER).get("/api/v1/postings/" + architect.get("id")).then().statusCode(200)
                .body("description", containsString("Sarvam")).body("external_id", equalTo("0632eb6b-e99c-4e31-9a6a-c3bd36fc8512"))
                .body("is_active", equalTo(true)).body("first_seen_at", notNullValue());
    }

    @Test
    @Order(3)
    void aSecondRunReportsEverythingUnchanged() {
        for (String source : List.of(greenhouse, lever, ashby)) {
            JsonPath run = CatalogAdmin.run(source);
            assertThat(run.getString("status")).isEqualTo("succeeded");
            assertThat(List.of(run.getInt("jobs_found"), run.getInt("jobs_new"), run.getInt("jobs_updated"),
                    run.getInt("jobs_unchanged"), run.getInt("jobs_closed"))).containsExactly(5, 0, 0, 5, 0);
        }
        assertThat(Db.count("SELECT count(*) FROM job_postings WHERE source_id::text IN (?, ?, ?)",
                greenhouse, lever, ashby)).isEqualTo(15);
    }

    @Test
    @Order(4)
    void aPostingThatLeavesItsBoardBecomesInactive() throws IOException {
        ObjectNode payload = (ObjectNode) JSON.readTree(fixture("greenhouse.json"));
        ((ArrayNode) payload.get("jobs")).remove(3); // the credit-risk analyst
        serveGreenhouse(payload.toString());
        String id = (String) searchOne("credit risk", "Analyst, Credit Risk Management - Consumer").get("id");

        JsonPath run = CatalogAdmin.run(greenhouse);
        assertThat(List.of(run.getInt("jobs_found"), run.getInt("jobs_new"), run.getInt("jobs_updated"),
                run.getInt("jobs_unchanged"), run.getInt("jobs_closed"))).containsExactly(4, 0, 0, 4, 1);

        assertThat(search("credit risk", false)).extracting(i -> i.get("title"))
                .doesNotContain("Analyst, Credit Risk Management - Consumer");
        given().header("Authorization", USER).get("/api/v1/postings/" + id).then().statusCode(200)
                .body("is_active", equalTo(false)).body("closed_at", notNullValue())
                .body("expires_date", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        assertThat(search("credit risk", true)).extracting(i -> i.get("id")).contains(id);
    }

    @Test
    @Order(5)
    void aChangedPostingCountsAsUpdatedAndAReturningOneReopens() throws IOException {
        ObjectNode payload = (ObjectNode) JSON.readTree(fixture("greenhouse.json"));
        ((ObjectNode) payload.get("jobs").get(0)).put("title", "AI Creative Lead, Brand");
        serveGreenhouse(payload.toString());

        JsonPath run = CatalogAdmin.run(greenhouse);
        // the renamed one changed; the analyst is back on the board and reopens
        assertThat(List.of(run.getInt("jobs_found"), run.getInt("jobs_new"), run.getInt("jobs_updated"),
                run.getInt("jobs_unchanged"), run.getInt("jobs_closed"))).containsExactly(5, 0, 2, 3, 0);
        assertThat(searchOne("credit risk", "Analyst, Credit Risk Management - Consumer"))
                .containsEntry("is_active", true);
        searchOne("creative brand", "AI Creative Lead, Brand");
    }

    @Test
    @Order(6)
    void aTruncatedPayloadFailsItsRunAndChangesNothing() {
        String before = Db.text("SELECT string_agg(external_id || is_active || content_hash || updated_at, ',' "
                + "ORDER BY external_id) FROM job_postings WHERE source_id = ?::uuid", greenhouse);
        String full = fixture("greenhouse.json");
        serveGreenhouse(full.substring(0, full.length() / 2));

        JsonPath run = CatalogAdmin.run(greenhouse);
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error_message")).contains("Greenhouse board 'phonepe'");
        assertThat(run.getInt("jobs_new") + run.getInt("jobs_updated") + run.getInt("jobs_closed")).isZero();
        assertThat(Db.text("SELECT string_agg(external_id || is_active || content_hash || updated_at, ',' "
                + "ORDER BY external_id) FROM job_postings WHERE source_id = ?::uuid", greenhouse)).isEqualTo(before);
        given().header("Authorization", CatalogAdmin.bearer()).get("/api/v1/admin/scrape-sources/" + greenhouse)
                .then().statusCode(200).body("last_status", equalTo("failed"));
        serveGreenhouse(full);
    }

    @Test
    @Order(7)
    void aSmallBoardThatEmptiesClosesAllItsPostings() {
        // a board with fewer than 10 open postings may really empty (the refusal is tested on a bigger one)
        serveGreenhouse("{\"jobs\":[],\"meta\":{\"total\":0}}");
        JsonPath run = CatalogAdmin.run(greenhouse);
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("jobs_closed")).isEqualTo(5);
        serveGreenhouse(fixture("greenhouse.json"));
        assertThat(CatalogAdmin.run(greenhouse).getInt("jobs_updated")).isEqualTo(5);
    }

    @Test
    @Order(8)
    void aCareerPageWithJsonLdIsReadWhenRobotsTxtAllowsIt() {
        boards().stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse()
                .withBody("User-agent: *\nDisallow: /private/\n")));
        String page = "<html><head><script type=\"application/ld+json\">" + fixture("jobposting_jsonld.json")
                + "</script></head><body>Careers</body></html>";
        boards().stubFor(get(urlEqualTo("/careers/gdms")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody(page)));
        boards().stubFor(get(urlEqualTo("/private/gdms")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody(page)));

        JsonPath run = CatalogAdmin.run(CatalogAdmin.addSource("jsonld",
                TestStack.get().boards().url("/careers/gdms"), null));
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
        assertThat(run.getInt("jobs_new")).isEqualTo(1);
        List<Map<String, Object>> items = given().header("Authorization", USER)
                .queryParam("company", "General Dynamics").get("/api/v1/postings").then().statusCode(200)
                .extract().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("source_platform", "jsonld").containsEntry("city", "Annapolis Junction")
                .containsEntry("state", "MD").containsEntry("country", "US");
        // schema.org validThrough is the posting's apply-by date
        given().header("Authorization", USER).get("/api/v1/postings/" + items.get(0).get("id")).then()
                .statusCode(200).body("expires_date", equalTo("2027-10-04")).body("is_active", equalTo(true));

        JsonPath refused = CatalogAdmin.run(CatalogAdmin.addSource("jsonld",
                TestStack.get().boards().url("/private/gdms"), null));
        assertThat(refused.getString("status")).isEqualTo("failed");
        assertThat(refused.getString("error_message")).contains("robots.txt does not allow crawling /private/gdms");
    }

    @Test
    @Order(9)
    void platformMetricsAddUpTheDaysRuns() {
        List<Map<String, Object>> metrics = given().header("Authorization", CatalogAdmin.bearer())
                .get("/api/v1/admin/platform-metrics").then().statusCode(200).extract().path("");
        Map<String, Object> gh = metrics.stream().filter(m -> "greenhouse".equals(m.get("platform_name"))
                && LocalDate.now(ZoneOffset.UTC).toString().equals(m.get("metric_date"))).findFirst().orElseThrow();
        assertThat((Integer) gh.get("successful_scrapes")).isGreaterThanOrEqualTo(5);
        assertThat((Integer) gh.get("failed_scrapes")).isGreaterThanOrEqualTo(1);
        assertThat((Integer) gh.get("requests")).isGreaterThanOrEqualTo(6);
        assertThat(gh.get("average_response_time_ms")).isNotNull();
    }
}
