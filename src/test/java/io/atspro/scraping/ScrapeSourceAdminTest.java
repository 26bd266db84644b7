package io.atspro.scraping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScrapeSourceAdminTest {

    static final String PATH = "/api/v1/admin/scrape-sources";

    @Inject
    ScrapeService service;

    static RequestSpecification admin() {
        return given().header("Authorization", CatalogAdmin.bearer()).contentType(ContentType.JSON);
    }

    static String create(String body) {
        return admin().body(body).post(PATH).then().statusCode(201).extract().path("id");
    }

    @Test
    void anAdminAddsListsSchedulesDisablesAndDeletesASource() {
        String board = BoardPayloads.uniqueWord();
        String id = admin().body("{\"platform\":\"lever\",\"board\":\"" + board + "\",\"company_name\":\"Acme\","
                        + "\"schedule\":\"0 30 2 * * ?\"}").post(PATH)
                .then().statusCode(201).header("Location", containsString(PATH + "/"))
                .body("platform", equalTo("lever")).body("board", equalTo(board)).body("company_name", equalTo("Acme"))
                .body("enabled", equalTo(true)).body("schedule", equalTo("0 30 2 * * ?"))
                .body("default_schedule", equalTo(false)).body("next_run_at", containsString("T02:30:00Z"))
                .extract().path("id");

        List<String> ids = admin().queryParam("size", 100).get(PATH).then().statusCode(200).extract().path("items.id");
        assertThat(ids).contains(id);

        admin().body("{\"enabled\":false}").patch(PATH + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("next_run_at", nullValue());
        admin().body("{\"enabled\":true,\"schedule\":\"\"}").patch(PATH + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(true)).body("default_schedule", equalTo(true))
                .body("schedule", equalTo("0 0 */6 * * ?")).body("next_run_at", notNullValue());

        admin().delete(PATH + "/" + id).then().statusCode(204);
        admin().get(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void badSourcesAreRefusedAndNothingIsStored() {
        long before = Db.count("SELECT count(*) FROM scrape_sources");
        admin().body("{\"platform\":\"greenhouse\",").post(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        admin().body("{\"board\":\"acme\"}").post(PATH).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(containsString("platform")));
        admin().body("{\"platform\":\"linkedin\",\"board\":\"acme\"}").post(PATH).then().statusCode(400)
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("greenhouse, lever, ashby, jsonld")));
        admin().body("{\"platform\":\"greenhouse\",\"board\":\"../../etc\"}").post(PATH).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("board"));
        admin().body("{\"platform\":\"jsonld\",\"board\":\"ftp://example.org/jobs\"}").post(PATH).then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("board"));
        admin().body("{\"platform\":\"greenhouse\",\"board\":\"acme\",\"schedule\":\"every day\"}").post(PATH)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("schedule"));
        admin().body("{\"platform\":\"greenhouse\",\"board\":123,\"enabled\":\"yes\"}").post(PATH).then()
                .statusCode(400);
        assertThat(Db.count("SELECT count(*) FROM scrape_sources")).isEqualTo(before);

        String board = BoardPayloads.uniqueWord();
        create("{\"platform\":\"greenhouse\",\"board\":\"" + board + "\"}");
        admin().body("{\"platform\":\"greenhouse\",\"board\":\"" + board + "\"}").post(PATH).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("exists already"));
    }

    @Test
    void onlyAdminsManageSources() {
        given().get(PATH).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"platform\":\"lever\",\"board\":\"x\"}").post(PATH).then()
                .statusCode(401);
        String user = Tokens.user().bearer();
        given().header("Authorization", user).get(PATH).then().statusCode(403);
        given().header("Authorization", user).contentType(ContentType.JSON)
                .body("{\"platform\":\"lever\",\"board\":\"x\"}").post(PATH).then().statusCode(403);
        given().header("Authorization", user).get("/api/v1/admin/platform-metrics").then().statusCode(403);
    }

    @Test
    void unknownSourcesAndRunsAre404() {
        String missing = UUID.randomUUID().toString();
        admin().get(PATH + "/" + missing).then().statusCode(404).contentType("application/problem+json");
        admin().body("{\"enabled\":false}").patch(PATH + "/" + missing).then().statusCode(404);
        admin().post(PATH + "/" + missing + "/run").then().statusCode(404);
        admin().delete(PATH + "/" + missing).then().statusCode(404);
        admin().get(PATH + "/" + missing + "/runs").then().statusCode(404);
        String id = create("{\"platform\":\"lever\",\"board\":\"" + BoardPayloads.uniqueWord() + "\"}");
        admin().get(PATH + "/" + id + "/runs/" + missing).then().statusCode(404);
    }

    @Test
    void aSecondRunWhileOneIsOpenIs409() {
        String id = create("{\"platform\":\"lever\",\"board\":\"" + BoardPayloads.uniqueWord() + "\"}");
        Db.update("INSERT INTO scrape_runs (source_id, trigger, status) VALUES (?::uuid, 'manual', 'running')", id);
        admin().post(PATH + "/" + id + "/run").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already queued or running"));
        assertThat(Db.count("SELECT count(*) FROM scrape_runs WHERE source_id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void badMetricDatesAre400() {
        admin().queryParam("from", "yesterday").get("/api/v1/admin/platform-metrics").then().statusCode(400);
        admin().queryParam("from", "2026-11-10").queryParam("to", "2026-11-01").get("/api/v1/admin/platform-metrics")
                .then().statusCode(400);
        admin().queryParam("from", "2026-02-30").get("/api/v1/admin/platform-metrics").then().statusCode(400);
    }

    @Test
    void aDueSourceRunsOnceHoweverManyReplicasTick() throws Exception {
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of()));
        String id = create("{\"platform\":\"ashby\",\"board\":\"" + board + "\"}");
        Db.update("UPDATE scrape_sources SET next_run_at = now() - interval '1 minute' WHERE id = ?::uuid", id);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> ticks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ticks.add(() -> service.startDueRuns().size());
            }
            for (Future<Integer> tick : pool.invokeAll(ticks)) {
                tick.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count("SELECT count(*) FROM scrape_runs WHERE source_id = ?::uuid AND trigger = 'schedule'",
                id)).isEqualTo(1);
        String next = Db.text("SELECT next_run_at::text FROM scrape_sources WHERE id = ?::uuid", id);
        assertThat(Instant.parse(Db.text("SELECT to_char(next_run_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM scrape_sources WHERE id = ?::uuid", id)))
                .as(next).isAfter(Instant.now());
        String runId = Db.text("SELECT id::text FROM scrape_runs WHERE source_id = ?::uuid", id);
        assertThat(CatalogAdmin.await(id, runId).getString("status")).isEqualTo("succeeded");
    }

    @Test
    void runDueQueuesWhatOneSchedulerTickWouldAndReportsTheRuns() {
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of()));
        String due = create("{\"platform\":\"ashby\",\"board\":\"" + board + "\"}");
        String notDue = create("{\"platform\":\"lever\",\"board\":\"" + BoardPayloads.uniqueWord() + "\"}");
        Db.update("UPDATE scrape_sources SET next_run_at = now() - interval '1 minute' WHERE id = ?::uuid", due);

        List<String> started = admin().post(PATH + "/run-due").then().statusCode(200)
                .body("started.find { it.source_id == '" + due + "' }.trigger", equalTo("schedule"))
                .body("started.find { it.source_id == '" + due + "' }.task_id", notNullValue())
                .extract().path("started.source_id");
        assertThat(started).contains(due).doesNotContain(notDue);
        assertThat(Db.count("SELECT count(*) FROM scrape_runs WHERE source_id = ?::uuid AND trigger = 'schedule'",
                due)).isEqualTo(1);

        List<String> again = admin().post(PATH + "/run-due").then().statusCode(200).extract().path("started.source_id");
        assertThat(again).as("the slot moved on").doesNotContain(due);
        String runId = Db.text("SELECT id::text FROM scrape_runs WHERE source_id = ?::uuid", due);
        assertThat(CatalogAdmin.await(due, runId).getString("status")).isEqualTo("succeeded");
    }

    @Test
    void onlyAdminsRunDueSources() {
        String id = create("{\"platform\":\"lever\",\"board\":\"" + BoardPayloads.uniqueWord() + "\"}");
        Db.update("UPDATE scrape_sources SET next_run_at = now() - interval '1 minute' WHERE id = ?::uuid", id);
        given().post(PATH + "/run-due").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.user().bearer()).post(PATH + "/run-due").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM scrape_runs WHERE source_id = ?::uuid", id)).isZero();
        Db.update("UPDATE scrape_sources SET enabled = false, next_run_at = NULL WHERE id = ?::uuid", id);
    }
}
