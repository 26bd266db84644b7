package io.atspro.posting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostingSearchTest {

    static final String ALICE = Tokens.user().subject("search-alice").email("search-alice@atspro.test").bearer();
    static final String BOB = Tokens.user().subject("search-bob").email("search-bob@atspro.test").bearer();

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    /** Serves the jobs as an Ashby board, runs it, and returns the board name. */
    static String load(List<ObjectNode> jobs, String company) {
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(jobs));
        JsonPath run = CatalogAdmin.run(CatalogAdmin.addSource("ashby", board, company));
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
        return board;
    }

    static ObjectNode job(String title, String published, String description) {
        return BoardPayloads.ashbyJob(title, "Lisbon", "Portugal", "OnSite", "FullTime", null, null, null, published,
                description);
    }

    static List<String> titles(JsonPath page) {
        return page.getList("items.title");
    }

    @Test
    void titleAndCompanyMatchesComeFirstThenDescriptionMatchesNewestFirst() {
        String company = "Zephyr " + BoardPayloads.uniqueWord();
        load(List.of(
                job("Kotlin Engineer", "2026-11-01T10:00:00Z", "Services on the JVM."),
                job("Kotlin Platform Lead", "2026-11-10T10:00:00Z", "Lead the platform team."),
                job("Product Designer", "2026-11-20T10:00:00Z", "Work with our Kotlin engineers on design systems."),
                job("Accountant", "2026-11-21T10:00:00Z", "Ledgers.")), company);

        JsonPath page = as(ALICE).queryParam("q", "kotlin").queryParam("company", company).get("/api/v1/postings")
                .then().statusCode(200).body("fuzzy", equalTo(false)).extract().jsonPath();

        assertThat(titles(page)).containsExactly("Kotlin Platform Lead", "Kotlin Engineer", "Product Designer");
        assertThat(page.getString("next_cursor")).isNull();
        // websearch syntax: phrases and exclusions
        assertThat(titles(as(ALICE).queryParam("q", "kotlin -lead").queryParam("company", company)
                .get("/api/v1/postings").then().statusCode(200).extract().jsonPath()))
                .containsExactly("Kotlin Engineer", "Product Designer");
        assertThat(titles(as(ALICE).queryParam("q", "\"platform lead\"").queryParam("company", company)
                .get("/api/v1/postings").then().statusCode(200).extract().jsonPath()))
                .containsExactly("Kotlin Platform Lead");
        // no query: everything of the company, newest first
        assertThat(titles(as(ALICE).queryParam("company", company).get("/api/v1/postings").then().statusCode(200)
                .extract().jsonPath())).containsExactly("Accountant", "Product Designer", "Kotlin Platform Lead",
                "Kotlin Engineer");
    }

    @Test
    void filtersNarrowTheResults() {
        String company = "Filtra " + BoardPayloads.uniqueWord();
        load(List.of(
                BoardPayloads.ashbyJob("Senior Data Engineer", "Lisbon", "Portugal", "Remote", "Contract", 80, 95,
                        "1 HOUR", "2026-11-12T10:00:00Z", "Pipelines."),
                BoardPayloads.ashbyJob("Data Engineer", "Porto", "Portugal", "OnSite", "FullTime", 60000, 70000,
                        "1 YEAR", "2026-11-05T10:00:00Z", "Pipelines."),
                BoardPayloads.ashbyJob("Junior Data Engineer", "Berlin", "Germany", "Hybrid", "FullTime", null, null,
                        null, "2026-10-01T10:00:00Z", "Pipelines.")), company);

        assertThat(titles(search(Map.of("company", company, "remote", "true"))))
                .containsExactly("Senior Data Engineer");
        assertThat(titles(search(Map.of("company", company, "remote", "false"))))
                .containsExactly("Data Engineer", "Junior Data Engineer");
        assertThat(titles(search(Map.of("company", company, "employment_type", "full_time"))))
                .containsExactly("Data Engineer", "Junior Data Engineer");
        // 95 an hour is ~197,600 a year; 70,000 a year is below
        assertThat(titles(search(Map.of("company", company, "min_salary", "150000"))))
                .containsExactly("Senior Data Engineer");
        assertThat(titles(search(Map.of("company", company, "location", "berlin"))))
                .containsExactly("Junior Data Engineer");
        assertThat(titles(search(Map.of("company", company, "location", "Portugal", "q", "data engineer"))))
                .containsExactly("Senior Data Engineer", "Data Engineer");
        // a location matches by its words, the last one as typed so far; not inside a word
        assertThat(titles(search(Map.of("company", company, "location", "lisb")))).containsExactly("Senior Data Engineer");
        assertThat(titles(search(Map.of("company", company, "location", "Lisbo", "q", "engineer"))))
                .containsExactly("Senior Data Engineer");
        assertThat(titles(search(Map.of("company", company, "location", "isbon")))).isEmpty();
        assertThat(titles(search(Map.of("company", company, "location", "!!")))).isEmpty();
        assertThat(titles(search(Map.of("company", company, "experience_level", "entry"))))
                .containsExactly("Junior Data Engineer");
        assertThat(titles(search(Map.of("company", company, "posted_after", "2026-11-01"))))
                .containsExactly("Senior Data Engineer", "Data Engineer");

        JsonPath remote = search(Map.of("company", company, "remote", "true"));
        assertThat(remote.getString("items[0].salary_interval")).isEqualTo("hour");
        assertThat(remote.getDouble("items[0].salary_max")).isEqualTo(95.0);
        assertThat(remote.getString("items[0].employment_type")).isEqualTo("contract");
        assertThat(remote.getString("items[0].experience_level")).isEqualTo("senior");
    }

    static JsonPath search(Map<String, String> params) {
        return as(ALICE).queryParams(params).get("/api/v1/postings").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void keysetPagesWalkEveryPostingOnceInOrder() {
        String company = "Pager " + BoardPayloads.uniqueWord();
        List<ObjectNode> jobs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // pairs share a posting time: the id breaks the tie
            jobs.add(job("Support Engineer " + i, String.format("2026-10-%02dT09:00:00Z", 1 + i / 2), "Help."));
        }
        load(jobs, company);

        for (String q : new String[] {null, "support"}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = as(ALICE).queryParam("company", company).queryParam("limit", 10);
                if (q != null) {
                    request.queryParam("q", q);
                }
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/postings").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("next_cursor");
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        }
    }

    @Test
    void badSearchParametersAre400() {
        for (Map<String, String> bad : List.of(Map.of("limit", "0"), Map.of("limit", "101"), Map.of("limit", "ten"),
                Map.of("remote", "maybe"), Map.of("employment_type", "gig"), Map.of("experience_level", "guru"),
                Map.of("min_salary", "-5"), Map.of("posted_after", "yesterday"), Map.of("not_applied", "1"),
                Map.of("cursor", "not-a-cursor"), Map.of("q", "x".repeat(201)))) {
            as(ALICE).queryParams(bad).get("/api/v1/postings").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        String cursor = as(ALICE).queryParam("limit", 1).get("/api/v1/postings").then().statusCode(200)
                .extract().path("next_cursor");
        if (cursor != null) {
            as(ALICE).queryParam("cursor", cursor).queryParam("q", "engineer").get("/api/v1/postings").then()
                    .statusCode(400).body("errors.message", hasItem(containsString("different search")));
        }
        given().get("/api/v1/postings").then().statusCode(401);
        as(ALICE).get("/api/v1/postings/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aTypoFallsBackToSimilarTitlesAndCompanies() {
        String word = BoardPayloads.uniqueWord();
        String company = "Quorvantis " + word;
        load(List.of(job("Logistics Coordinator", "2026-11-02T10:00:00Z", "Trucks.")), company);

        // one letter wrong in the middle (a changed suffix could stem to the same word and match outright)
        String typo = word.substring(0, 4) + (word.charAt(4) == 'z' ? 'y' : 'z') + word.substring(5);
        JsonPath page = search(Map.of("q", "Quorvantys " + typo));
        assertThat(page.getBoolean("fuzzy")).as(page.prettify()).isTrue();
        assertThat(page.getList("items.company_name", String.class)).contains(company);
        assertThat(page.getString("next_cursor")).isNull();
        assertThat(page.getString("did_you_mean")).startsWith("quorvanti ");
    }

    @Test
    void oneJobOnTwoBoardsShowsOnceAndNamesTheOtherBoard() {
        String company = "Twinned " + BoardPayloads.uniqueWord();
        String ashbyBoard = load(List.of(job("Site Reliability Engineer", "2026-11-03T10:00:00Z", "Pager duty.")),
                company);
        String gh = BoardPayloads.uniqueWord();
        BoardPayloads.serveGreenhouse(gh, BoardPayloads.greenhouseBoard(List.of(BoardPayloads.greenhouseJob(
                "Site Reliability Engineer (Remote)", company, "Lisbon, Portugal", "2026-11-04T10:00:00Z",
                "<p>Pager duty.</p>"))));
        String ghSource = CatalogAdmin.addSource("greenhouse", gh, null);
        assertThat(CatalogAdmin.run(ghSource).getString("status")).isEqualTo("succeeded");

        JsonPath page = search(Map.of("company", company));
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getString("items[0].source_platform")).isEqualTo("ashby");
        String shown = page.getString("items[0].id");
        as(ALICE).get("/api/v1/postings/" + shown).then().statusCode(200)
                .body("also_listed_on.source_platform", equalTo(List.of("greenhouse")));

        // the Ashby listing closes: the Greenhouse one takes its place
        BoardPayloads.serveAshby(ashbyBoard, BoardPayloads.ashbyBoard(List.of()));
        String ashbySource = given().header("Authorization", CatalogAdmin.bearer()).queryParam("size", 100)
                .get("/api/v1/admin/scrape-sources").then().extract().jsonPath()
                .getString("items.find { it.board == '" + ashbyBoard + "' }.id");
        assertThat(CatalogAdmin.run(ashbySource).getInt("jobs_closed")).isEqualTo(1);
        assertThat(search(Map.of("company", company)).getList("items.source_platform")).containsExactly("greenhouse");
    }

    @Test
    void removingASourceClosesItsPostingsAndTheirDuplicateOnAnotherBoardShows() {
        String company = "Removed " + BoardPayloads.uniqueWord();
        String board = load(List.of(job("Payroll Specialist", "2026-11-03T10:00:00Z", "Salaries.")), company);
        String gh = BoardPayloads.uniqueWord();
        BoardPayloads.serveGreenhouse(gh, BoardPayloads.greenhouseBoard(List.of(BoardPayloads.greenhouseJob(
                "Payroll Specialist", company, "Lisbon, Portugal", "2026-11-04T10:00:00Z", "<p>Salaries.</p>"))));
        assertThat(CatalogAdmin.run(CatalogAdmin.addSource("greenhouse", gh, null)).getString("status"))
                .isEqualTo("succeeded");
        assertThat(search(Map.of("company", company)).getList("items.source_platform")).containsExactly("ashby");

        String ashbySource = given().header("Authorization", CatalogAdmin.bearer()).queryParam("size", 100)
                .get("/api/v1/admin/scrape-sources").then().extract().jsonPath()
                .getString("items.find { it.board == '" + board + "' }.id");
        given().header("Authorization", CatalogAdmin.bearer()).delete("/api/v1/admin/scrape-sources/" + ashbySource)
                .then().statusCode(204);

        assertThat(search(Map.of("company", company)).getList("items.source_platform")).containsExactly("greenhouse");
        assertThat(search(Map.of("company", company, "include_inactive", "true")).getList("items.is_active"))
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void savingApplyingAndNotApplied() {
        String company = "Applyco " + BoardPayloads.uniqueWord();
        load(List.of(job("Backend Engineer", "2026-11-05T10:00:00Z", "Java and PostgreSQL."),
                job("Frontend Engineer", "2026-11-06T10:00:00Z", "TypeScript.")), company);
        JsonPath page = search(Map.of("company", company));
        String backend = page.getString("items.find { it.title == 'Backend Engineer' }.id");

        String jobId = as(ALICE).post("/api/v1/postings/" + backend + "/save").then().statusCode(201)
                .header("Location", containsString("/api/v1/jobs/")).body("source_type", equalTo("catalog"))
                .body("posting_id", equalTo(backend)).body("parsed_data.company", equalTo(company))
                .body("parsed_data.title", equalTo("Backend Engineer")).extract().path("id");
        as(ALICE).post("/api/v1/postings/" + backend + "/save").then().statusCode(409);
        as(BOB).post("/api/v1/postings/" + backend + "/save").then().statusCode(201);
        as(ALICE).post("/api/v1/postings/" + UUID.randomUUID() + "/save").then().statusCode(404);

        as(ALICE).contentType(ContentType.JSON).body("{\"posting_id\":\"" + backend + "\",\"status\":\"applied\"}")
                .post("/api/v1/applications").then().statusCode(201).body("posting_id", equalTo(backend))
                .body("job_id", equalTo(jobId)).body("company_name", equalTo(company));

        assertThat(titles(as(ALICE).queryParam("company", company).queryParam("not_applied", "true")
                .get("/api/v1/postings").then().statusCode(200).extract().jsonPath()))
                .containsExactly("Frontend Engineer");
        assertThat(titles(as(BOB).queryParam("company", company).queryParam("not_applied", "true")
                .get("/api/v1/postings").then().statusCode(200).extract().jsonPath()))
                .containsExactly("Frontend Engineer", "Backend Engineer");
        // applying to a posting never tracked creates its job on the way
        String frontend = page.getString("items.find { it.title == 'Frontend Engineer' }.id");
        as(BOB).contentType(ContentType.JSON).body("{\"posting_id\":\"" + frontend + "\"}")
                .post("/api/v1/applications").then().statusCode(201).body("posting_id", equalTo(frontend))
                .body("job_id", notNullValue()).body("job_title", equalTo("Frontend Engineer"));
        as(BOB).contentType(ContentType.JSON).body("{\"posting_id\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/applications").then().statusCode(404);
    }

    @Test
    void aClosedPostingStillOpensButIsNotSearched() {
        String company = "Closer " + BoardPayloads.uniqueWord();
        String board = load(List.of(job("Warehouse Lead", "2026-11-05T10:00:00Z", "Forklifts.")), company);
        String id = search(Map.of("company", company)).getString("items[0].id");
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of()));
        String source = given().header("Authorization", CatalogAdmin.bearer()).queryParam("size", 100)
                .get("/api/v1/admin/scrape-sources").then().extract().jsonPath()
                .getString("items.find { it.board == '" + board + "' }.id");
        CatalogAdmin.run(source);
        assertThat(search(Map.of("company", company)).getList("items")).isEmpty();
        as(ALICE).get("/api/v1/postings/" + id).then().statusCode(200).body("is_active", equalTo(false))
                .body("closed_at", notNullValue()).body("also_listed_on", equalTo(List.of()));
        assertThat(search(Map.of("company", company, "include_inactive", "true")).getList("items.id"))
                .containsExactly(id);
        as(ALICE).get("/api/v1/postings/" + id).then().body("expires_date", notNullValue())
                .body("salary_min", nullValue());
    }
}
