package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.testing.Db;
import io.atspro.testing.SharedFixtures;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.atspro.posting.NormalizedPosting;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scenario on the real captures: an admin pastes a Workday and a SmartRecruiters careers URL, runs
 * them, and their postings are searchable with requirements, skills and salary filled; a second run reads no
 * posting's details again; bad URLs are refused and change nothing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CXS = "/wday/cxs/nvidia/NVIDIAExternalCareerSite";
    private static final String USER = Tokens.user().subject("board-reader").email("board-reader@atspro.test")
            .bearer();
    private static String workday;
    private static String smartRecruiters;

    private static WireMockServer boards() {
        return TestStack.get().boards().wiremock();
    }

    private static String fixture(String name) {
        return SharedFixtures.string("fixtures/job-boards/" + name);
    }

    private static String admin(String body, int status) {
        return given().header("Authorization", CatalogAdmin.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/scrape-sources").then().statusCode(status).extract().asString();
    }

    /**
     * The real listing with two more entries: the posting of the one complete real detail, and a US posting made
     * from it with a pay-transparency sentence (SYNTHETIC: no capture has a salary in a Workday description, the
     * sentence follows NVIDIA's US postings' wording). The two other real entries have no detail: 404, skipped.
     */
    private static void serveWorkday() throws Exception {
        ObjectNode listing = (ObjectNode) JSON.readTree(fixture("workday/clearfetch_nvidia_jobs.json"));
        ObjectNode full = (ObjectNode) JSON.readTree(fixture("workday/eujobfeeds_nvidia_job_detail_full.json"));
        String fullPath = "/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705";
        ObjectNode us = full.deepCopy();
        String usPath = "/job/US-CA-Santa-Clara/Senior-Hardware-Test-Engineer_JR9999001";
        ObjectNode usInfo = (ObjectNode) us.get("jobPostingInfo");
        usInfo.put("title", "Senior Hardware Test Engineer").put("location", "US, CA, Santa Clara")
                .put("externalUrl", "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite" + usPath)
                .put("jobDescription", usInfo.get("jobDescription").asText()
                        + "<p>The base salary range is 148,000 USD - 235,750 USD per year.</p>");
        usInfo.putObject("country").put("descriptor", "United States of America").put("alpha2Code", "US");
        ArrayNode postings = (ArrayNode) listing.get("jobPostings");
        postings.addObject().put("title", "Practical Hardware Electronics Test Engineer").put("externalPath", fullPath)
                .put("locationsText", "Israel, Yokneam").put("postedOn", "Posted 30+ Days Ago")
                .putArray("bulletFields").add("JR2021705");
        postings.addObject().put("title", "Senior Hardware Test Engineer").put("externalPath", usPath)
                .put("locationsText", "US, CA, Santa Clara").put("postedOn", "Posted Today")
                .putArray("bulletFields").add("JR9999001");
        ObjectNode empty = listing.deepCopy();
        empty.putArray("jobPostings");
        empty.put("total", 0);
        boards().stubFor(post(urlPathEqualTo(CXS + "/jobs")).atPriority(5).willReturn(json(listing.toString())));
        boards().stubFor(post(urlPathEqualTo(CXS + "/jobs")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.offset",
                        com.github.tomakehurst.wiremock.client.WireMock.notMatching("0")))
                .willReturn(json(empty.toString())));
        boards().stubFor(get(urlPathMatching(CXS + "/job/.*")).atPriority(9).willReturn(aResponse().withStatus(404)));
        boards().stubFor(get(urlPathEqualTo(CXS + "/job/Israel-Beer-Sheva/Senior-Chip-Design-Verification-Engineer_JR2015057"))
                .willReturn(json(fixture("workday/clearfetch_nvidia_job_detail.json"))));
        boards().stubFor(get(urlPathEqualTo(CXS + fullPath)).willReturn(json(full.toString())));
        boards().stubFor(get(urlPathEqualTo(CXS + usPath)).willReturn(json(us.toString())));
    }

    private static void serveSmartRecruiters() {
        boards().stubFor(get(urlPathEqualTo("/v1/companies/BoschGroup/postings"))
                .willReturn(json(fixture("smartrecruiters/clearfetch_boschgroup_postings.json"))));
        boards().stubFor(get(urlPathMatching("/v1/companies/BoschGroup/postings/.+")).atPriority(9)
                .willReturn(aResponse().withStatus(404)));
        boards().stubFor(get(urlPathEqualTo("/v1/companies/BoschGroup/postings/744000152399259"))
                .willReturn(json(fixture("smartrecruiters/clearfetch_boschgroup_posting_detail.json"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static JsonPath search(String q, String company) {
        return given().header("Authorization", USER).queryParam("q", q).queryParam("company", company)
                .get("/api/v1/postings").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath detail(String id) {
        return given().header("Authorization", USER).get("/api/v1/postings/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    @Order(1)
    void anAdminPastesAWorkdayAndASmartRecruitersCareersUrlAndTheirPostingsAreSearchableInFull() throws Exception {
        SharedFixtures.assumeAvailable("fixtures/job-boards/workday");
        serveWorkday();
        serveSmartRecruiters();

        JsonPath created = new JsonPath(admin("{\"url\":\"https://nvidia.wd5.myworkdayjobs.com/en-US/"
                + "NVIDIAExternalCareerSite/job/Israel-Beer-Sheva/x_JR1\",\"company_name\":\"NVIDIA\"}", 201));
        assertThat(created.getString("platform")).isEqualTo("workday");
        assertThat(created.getString("board")).isEqualTo("nvidia.wd5/NVIDIAExternalCareerSite");
        workday = created.getString("id");
        JsonPath run = CatalogAdmin.run(workday);
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
        assertThat(run.getInt("jobs_found")).isEqualTo(3);
        assertThat(run.getInt("jobs_new")).isEqualTo(3);

        smartRecruiters = new JsonPath(admin("{\"url\":\"https://careers.smartrecruiters.com/BoschGroup\"}", 201))
                .getString("id");
        run = CatalogAdmin.run(smartRecruiters);
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
        assertThat(run.getInt("jobs_found")).isEqualTo(1);

        // Workday: the real complete detail, split into its sections, with the skills its requirements name
        String yokneam = search("\"electronics test engineer\"", "NVIDIA").getString("items[0].id");
        JsonPath p = detail(yokneam);
        assertThat(p.getString("title")).isEqualTo("Practical Hardware Electronics Test Engineer");
        assertThat(p.getString("country")).isEqualTo("IL");
        assertThat(p.getString("requirements")).contains("At least 3 years of hands-on experience")
                .doesNotContain("Operate and characterize lab equipment");
        assertThat(p.getList("required_skills", String.class)).isNotEmpty();
        assertThat(p.getString("salary_min")).isNull();
        assertThat(p.getString("company.career_page_url")).contains("myworkdayjobs.com/NVIDIAExternalCareerSite");
        assertThat(p.getString("metadata.legalEntity")).isNotBlank();

        // the pay the text states
        JsonPath us = detail(search("\"senior hardware test engineer\"", "NVIDIA").getString("items[0].id"));
        assertThat(us.getDouble("salary_min")).isEqualTo(148000.0);
        assertThat(us.getDouble("salary_max")).isEqualTo(235750.0);
        assertThat(us.getString("salary_currency")).isEqualTo("USD");
        assertThat(us.getString("salary_interval")).isEqualTo("year");
        assertThat(us.getString("metadata.salarySource")).isEqualTo("description");
        assertThat(given().header("Authorization", USER).queryParam("company", "NVIDIA")
                .queryParam("min_salary", 200000).get("/api/v1/postings").then().statusCode(200).extract().jsonPath()
                .getList("items.title", String.class)).containsExactly("Senior Hardware Test Engineer");

        // SmartRecruiters: the ad's qualifications are its requirements, its company what the payload names
        JsonPath bosch = search("Pflichtpraktikum", null);
        assertThat(bosch.getList("items.source_platform", String.class)).containsExactly("smartrecruiters");
        JsonPath b = detail(bosch.getString("items[0].id"));
        assertThat(b.getString("requirements")).isNotBlank();
        assertThat(b.getString("description")).contains("Stellenbeschreibung");
        assertThat(b.getString("company.career_page_url")).isEqualTo("https://careers.smartrecruiters.com/BoschGroup");
        assertThat(b.getString("country")).isEqualTo("DE");
    }

    @Test
    @Order(2)
    void aSecondRunReadsNoDetailAgainAndKeepsEveryPostingOpen() throws Exception {
        SharedFixtures.assumeAvailable("fixtures/job-boards/workday");
        assertThat(workday).as("the first test ran").isNotNull();
        int details = boards().findAll(getRequestedFor(urlPathMatching(CXS + "/job/.*"))).size();

        JsonPath run = CatalogAdmin.run(workday);

        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("jobs_found")).isEqualTo(3);
        assertThat(run.getInt("jobs_unchanged")).isEqualTo(3);
        assertThat(run.getInt("jobs_closed")).isZero();
        // the two entries without a detail (404) are asked again, the three known ones are not
        assertThat(boards().findAll(getRequestedFor(urlPathMatching(CXS + "/job/.*"))).size() - details)
                .isEqualTo(2);
        assertThat(Db.count("SELECT count(*) FROM job_postings WHERE source_id = ?::uuid AND is_active", workday))
                .isEqualTo(3);
        // the stored hash is the posting's as the board gives it, not as enriched (sections, skills, the salary
        // read from its text): else every run would find every posting changed and read its text again
        List<NormalizedPosting> board = new WorkdayConnector(ScrapingTestSupport.base(boards()),
                ScrapingTestSupport.client()).fetchAll("nvidia.wd5/NVIDIAExternalCareerSite");
        assertThat(board).hasSize(3);
        for (NormalizedPosting p : board) {
            assertThat(Db.text("SELECT content_hash FROM job_postings WHERE source_platform = 'workday' "
                    + "AND external_id = ?", p.externalId())).isEqualTo(p.withCompanyName("NVIDIA").contentHash());
        }
    }

    @Test
    @Order(3)
    void badCareersUrlsAreRefusedAndChangeNothing() {
        long before = Db.count("SELECT count(*) FROM scrape_sources");
        admin("{\"url\":\"mailto:jobs@acme.io\"}", 400);
        admin("{\"url\":\"https://boards.greenhouse.io/\"}", 400);
        admin("{\"url\":\"https://boards.greenhouse.io/acme\",\"platform\":\"lever\"}", 400);
        admin("{\"platform\":\"workday\",\"board\":\"nvidia\"}", 400);
        admin("{\"url\":42}", 400);
        given().header("Authorization", CatalogAdmin.bearer()).contentType(ContentType.JSON)
                .body("{\"url\":\"https://boards.greenhouse.io/acme\"").post("/api/v1/admin/scrape-sources").then()
                .statusCode(400).contentType("application/problem+json");
        String platformMessage = admin("{\"platform\":\"indeed\",\"board\":\"acme\"}", 400);
        assertThat(platformMessage).contains("workday").contains("teamtailor");
        assertThat(Db.count("SELECT count(*) FROM scrape_sources")).isEqualTo(before);
        if (workday != null) {
            given().header("Authorization", CatalogAdmin.bearer()).contentType(ContentType.JSON)
                    .body("{\"url\":\"nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite\"}")
                    .post("/api/v1/admin/scrape-sources").then().statusCode(409)
                    .body("detail", containsString("exists already"));
        }
        given().contentType(ContentType.JSON).body("{\"url\":\"https://jobs.lever.co/acme\"}")
                .post("/api/v1/admin/scrape-sources").then().statusCode(401);
        given().header("Authorization", USER).contentType(ContentType.JSON).body("{\"url\":\"https://jobs.lever.co/acme\"}")
                .post("/api/v1/admin/scrape-sources").then().statusCode(403);
    }

    @Test
    @Order(4)
    void aCutOffWorkdayListingFailsTheRunAndChangesNothing() throws Exception {
        SharedFixtures.assumeAvailable("fixtures/job-boards/workday");
        String board = "cutoff" + BoardPayloads.uniqueWord();
        String listing = fixture("workday/clearfetch_nvidia_jobs.json");
        boards().stubFor(post(urlPathEqualTo("/wday/cxs/" + board + "/Careers/jobs"))
                .willReturn(json(listing.substring(0, listing.length() / 2))));
        String id = new JsonPath(admin("{\"url\":\"https://" + board + ".wd1.myworkdayjobs.com/Careers\"}", 201))
                .getString("id");

        JsonPath run = CatalogAdmin.run(id);

        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error_message")).containsIgnoringCase("json");
        assertThat(Db.count("SELECT count(*) FROM job_postings WHERE source_id = ?::uuid", id)).isZero();
        given().header("Authorization", CatalogAdmin.bearer()).get("/api/v1/admin/scrape-sources/" + id).then()
                .body("last_status", equalTo("failed"));
    }
}
