package io.atspro.posting;

import static io.atspro.posting.PostingSearchTest.as;
import static io.atspro.posting.PostingSearchTest.load;
import static io.atspro.posting.PostingSearchTest.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET /postings?mode=semantic|hybrid: search by meaning, and both rankings merged, with the keyword filters. */
@QuarkusTest
class SemanticSearchTest {

    private static final String ALICE = PostingSearchTest.ALICE;

    static ObjectNode job(String title, String city, String description) {
        return BoardPayloads.ashbyJob(title, city, "Portugal", "OnSite", "FullTime", null, null, null,
                "2026-11-15T10:00:00Z", description);
    }

    /** Loads the jobs under a new company and waits until the background task has embedded them all. */
    static String loadEmbedded(List<ObjectNode> jobs, String company) {
        load(jobs, company);
        awaitEmbedded(company, jobs.size());
        return company;
    }

    static void awaitEmbedded(String company, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            long embedded = Db.count("SELECT count(*) FROM posting_embeddings e JOIN job_postings p ON p.id = "
                    + "e.posting_id WHERE p.company_name = ? AND e.content_hash = p.content_hash", company);
            if (embedded >= count) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the postings of " + company + " were not embedded in time");
    }

    private static List<ObjectNode> catalog() {
        return List.of(
                job("Server-Side Engineer", "Lisbon", "You design APIs and services in Java, run PostgreSQL and "
                        + "Kafka in production, and keep our systems fast and reliable."),
                job("Pastry Chef", "Lisbon", "Croissants, tarts and laminated doughs for our bakery, from 5 am."),
                job("Registered Nurse", "Porto", "Patient care on a surgical ward; shifts and on-call."),
                job("Accounts Payable Clerk", "Lisbon", "Invoices, supplier payments and month-end close."));
    }

    @Test
    void hybridFindsAServerSideEngineerForBackendDeveloperWhereKeywordsFindNothing() {
        String company = loadEmbedded(catalog(), "Semantica " + BoardPayloads.uniqueWord());

        JsonPath keyword = search(Map.of("q", "backend developer", "company", company));
        assertThat(titles(keyword)).doesNotContain("Server-Side Engineer");

        JsonPath hybrid = search(Map.of("q", "backend developer", "company", company, "mode", "hybrid"));
        assertThat(hybrid.getString("mode")).isEqualTo("hybrid");
        assertThat(titles(hybrid)).first().isEqualTo("Server-Side Engineer");

        JsonPath semantic = search(Map.of("q", "backend developer", "company", company, "mode", "semantic"));
        assertThat(semantic.getString("mode")).isEqualTo("semantic");
        assertThat(titles(semantic)).hasSize(4).first().isEqualTo("Server-Side Engineer");
        assertThat(titles(search(Map.of("q", "baking bread and cakes", "company", company, "mode", "semantic"))))
                .first().isEqualTo("Pastry Chef");
    }

    @Test
    void semanticSearchKeepsEveryFilterAndPagesWithoutRepeats() {
        String company = loadEmbedded(catalog(), "Filtrada " + BoardPayloads.uniqueWord());

        assertThat(titles(search(Map.of("q", "hospital care", "company", company, "mode", "semantic",
                "location", "Lisbon")))).doesNotContain("Registered Nurse").hasSize(3);
        assertThat(titles(search(Map.of("q", "hospital care", "company", company, "mode", "hybrid",
                "location", "Porto")))).containsExactly("Registered Nurse");

        for (String mode : List.of("semantic", "hybrid")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Map<String, String> params = new java.util.HashMap<>(Map.of("q", "software", "company", company,
                        "mode", mode, "limit", "1"));
                if (cursor != null) {
                    params.put("cursor", cursor);
                }
                JsonPath page = search(params);
                seen.addAll(titles(page));
                cursor = page.getString("next_cursor");
            } while (cursor != null && seen.size() < 10);
            Set<String> distinct = new HashSet<>(seen);
            assertThat(distinct).as(mode + " pages").hasSize(seen.size());
            assertThat(seen).as(mode).contains("Server-Side Engineer");
        }
    }

    @Test
    void aChangedPostingIsEmbeddedAgain() {
        String company = "Cambio " + BoardPayloads.uniqueWord();
        String board = BoardPayloads.uniqueWord();
        ObjectNode gardener = job("Gardener", "Lisbon", "Hedges, lawns and flower beds.");
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of(gardener)));
        String source = CatalogAdmin.addSource("ashby", board, company);
        CatalogAdmin.run(source);
        awaitEmbedded(company, 1);
        String before = Db.text("SELECT e.content_hash FROM posting_embeddings e JOIN job_postings p ON "
                + "p.id = e.posting_id WHERE p.company_name = ?", company);

        String hash = Db.text("SELECT content_hash FROM job_postings WHERE company_name = ?", company);
        String changed = "Hedges, lawns, flower beds and a greenhouse of orchids.";
        gardener.put("descriptionHtml", "<p>" + changed + "</p>").put("descriptionPlain", changed);
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of(gardener)));
        JsonPath second = CatalogAdmin.run(source);
        assertThat(second.getInt("jobs_updated")).as(second.prettify()).isEqualTo(1);
        assertThat(Db.text("SELECT content_hash FROM job_postings WHERE company_name = ?", company)).isNotEqualTo(hash);
        awaitEmbedded(company, 1);
        assertThat(Db.text("SELECT e.content_hash FROM posting_embeddings e JOIN job_postings p ON "
                + "p.id = e.posting_id WHERE p.company_name = ?", company)).isNotEqualTo(before);
        assertThat(Db.text("SELECT array_to_string(e.skills, ',') FROM posting_embeddings e JOIN job_postings p "
                + "ON p.id = e.posting_id WHERE p.company_name = ?", company)).isNotNull();
    }

    @Test
    void badSemanticRequestsAreRefusedClearly() {
        as(ALICE).queryParam("mode", "semantic").get("/api/v1/postings").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("q"));
        as(ALICE).queryParam("mode", "vector").queryParam("q", "java").get("/api/v1/postings").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        as(ALICE).queryParam("mode", "hybrid").queryParam("q", "java").queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/v1/postings").then().statusCode(400);
        // a cursor of one mode is refused by another
        String company = loadEmbedded(catalog(), "Cursores " + BoardPayloads.uniqueWord());
        String hybridCursor = search(Map.of("q", "work", "company", company, "mode", "hybrid", "limit", "1"))
                .getString("next_cursor");
        assertThat(hybridCursor).isNotNull();
        as(ALICE).queryParam("q", "work").queryParam("mode", "semantic").queryParam("cursor", hybridCursor)
                .get("/api/v1/postings").then().statusCode(400).body("errors.message", org.hamcrest.Matchers.hasItem(containsString("different search")));
        as(ALICE).queryParam("q", "work").queryParam("cursor", hybridCursor).get("/api/v1/postings").then()
                .statusCode(400);
        RestAssured.given().queryParam("q", "java").queryParam("mode", "hybrid").get("/api/v1/postings").then()
                .statusCode(401);
    }

    @Test
    void adminsSeeHowFarBehindTheVectorsAreAndCanQueueARun() {
        String admin = Tokens.admin().bearer();
        as(admin).get("/api/v1/admin/embeddings").then().statusCode(200).body("enabled", equalTo(true));
        int status = as(admin).post("/api/v1/admin/embeddings/run").then().extract().statusCode();
        assertThat(status).isIn(200, 409);
        as(ALICE).get("/api/v1/admin/embeddings").then().statusCode(403);
        as(ALICE).post("/api/v1/admin/embeddings/run").then().statusCode(403);
        RestAssured.given().get("/api/v1/admin/embeddings").then().statusCode(401);
        RestAssured.given().get("/q/health/well").then().body("checks.name", org.hamcrest.Matchers.hasItem("embeddings"));
    }

    static JsonPath search(Map<String, String> params) {
        return as(ALICE).queryParams(params).get("/api/v1/postings").then().statusCode(200).extract().jsonPath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
