package io.atspro.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A board that answers too slowly or answers garbage: its run fails with a clear message and changes none of
 * its postings, while another source's run in the same period succeeds and the catalog API keeps answering.
 * (Boards that rate-limit, fail with 5xx or 404, or would close most postings: scraping.ScrapeRunFaultsTest.)
 * All boards are one WireMock host, whose circuit opens after 5 failed attempts in a row (test config: 3 s
 * request timeout, 2 retries): a slow run costs 3, and each test ends with a successful run that closes it again.
 */
@QuarkusTest
class BoardFaultsTest {

    @Test
    void aBoardSlowerThanTheRequestTimeoutFailsItsRunAndChangesNothingWhileAnotherSourceSucceeds() throws Exception {
        String slow = BoardPayloads.uniqueWord();
        String slowSource = scrapedSource(slow, 3);
        List<String> before = postingsOf(slowSource);
        BoardPayloads.boards().stubFor(get(urlEqualTo("/v1/boards/" + slow + "/jobs?content=true"))
                .willReturn(json(BoardPayloads.greenhouseBoard(jobs(1, slow))).withFixedDelay(5_000)));
        String healthy = BoardPayloads.uniqueWord();
        BoardPayloads.serveGreenhouse(healthy, BoardPayloads.greenhouseBoard(jobs(2, healthy)));
        String healthySource = CatalogAdmin.addSource("greenhouse", healthy, null);

        String slowRun = trigger(slowSource);
        Thread.sleep(200);
        String healthyRun = trigger(healthySource);
        // the catalog answers quickly all along
        String bearer = Tokens.user().bearer();
        long maxMillis = 0;
        int searches = 0;
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < until) {
            long started = System.nanoTime();
            given().header("Authorization", bearer).queryParam("q", slow).get("/api/v1/postings").then().statusCode(200);
            maxMillis = Math.max(maxMillis, (System.nanoTime() - started) / 1_000_000);
            searches++;
            Thread.sleep(100);
        }
        JsonPath healthyDone = CatalogAdmin.await(healthySource, healthyRun);
        JsonPath slowDone = CatalogAdmin.await(slowSource, slowRun);

        assertThat(slowDone.getString("status")).as(slowDone.prettify()).isEqualTo("failed");
        assertThat(slowDone.getString("error_message")).containsIgnoringCase("timed out");
        assertThat(slowDone.getInt("requests")).isEqualTo(3);
        assertThat(postingsOf(slowSource)).isEqualTo(before);
        assertThat(healthyDone.getString("status")).as(healthyDone.prettify()).isEqualTo("succeeded");
        assertThat(healthyDone.getInt("jobs_new")).isEqualTo(2);
        assertThat(Instant.parse(healthyDone.getString("completed_at")))
                .as("the healthy run ended while the slow one still waited")
                .isBefore(Instant.parse(slowDone.getString("completed_at")));
        assertThat(searches).isGreaterThan(10);
        assertThat(maxMillis).as("slowest catalog search while a board hung").isLessThan(2_000);
        closeTheCircuit(healthySource);
    }

    @Test
    void aBoardAnsweringGarbageFailsItsRunAndChangesNothing() {
        Random random = new Random(7);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        List<ResponseDefinitionBuilder> garbage = List.of(
                json(new String(noise, StandardCharsets.ISO_8859_1)),
                aResponse().withHeader("Content-Type", "application/octet-stream").withBody(noise),
                aResponse().withHeader("Content-Type", "text/html").withBody(
                        "<!doctype html><html><body><h1>We'll be right back</h1></body></html>"),
                json("{\"jobs\": \"maintenance\"}"),
                json("{\"jobs\": [{\"id\": \"x\", \"title\": 42}"),
                json(""));
        for (ResponseDefinitionBuilder answer : garbage) {
            String token = BoardPayloads.uniqueWord();
            String source = scrapedSource(token, 2);
            List<String> before = postingsOf(source);
            BoardPayloads.boards().stubFor(get(urlEqualTo("/v1/boards/" + token + "/jobs?content=true")).willReturn(answer));

            JsonPath run = CatalogAdmin.run(source);

            System.out.println("BoardFaultsTest garbage run: " + run.getString("error_message"));
            assertThat(run.getString("status")).as(run.prettify()).isEqualTo("failed");
            assertThat(run.getString("error_message")).as(run.prettify()).isNotBlank()
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(postingsOf(source)).isEqualTo(before);
        }
        String healthy = BoardPayloads.uniqueWord();
        BoardPayloads.serveGreenhouse(healthy, BoardPayloads.greenhouseBoard(jobs(2, healthy)));
        assertThat(CatalogAdmin.run(CatalogAdmin.addSource("greenhouse", healthy, null)).getString("status"))
                .isEqualTo("succeeded");
    }

    private static String scrapedSource(String token, int postings) {
        BoardPayloads.serveGreenhouse(token, BoardPayloads.greenhouseBoard(jobs(postings, token)));
        String source = CatalogAdmin.addSource("greenhouse", token, null);
        JsonPath first = CatalogAdmin.run(source);
        assertThat(first.getString("status")).as(first.prettify()).isEqualTo("succeeded");
        assertThat(postingsOf(source)).hasSize(postings);
        return source;
    }

    private static String trigger(String source) {
        return given().header("Authorization", CatalogAdmin.bearer())
                .post("/api/v1/admin/scrape-sources/" + source + "/run").then().statusCode(202).extract().path("id");
    }

    /** A successful run: the boards' host has a success after the slow run's failures. */
    private static void closeTheCircuit(String source) {
        assertThat(CatalogAdmin.run(source).getString("status")).isEqualTo("succeeded");
    }

    private static List<ObjectNode> jobs(int n, String word) {
        List<ObjectNode> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(BoardPayloads.greenhouseJob("Site Reliability Engineer " + word + " " + i, "Faulty " + word,
                    "Porto", "2026-10-0" + (1 + i) + "T10:00:00Z", "<p>Keep it running.</p>"));
        }
        return jobs;
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Every column of the source's postings, row by row: a failed run leaves them as they were. */
    private static List<String> postingsOf(String source) {
        List<String> rows = new ArrayList<>();
        try (Connection db = Db.connection(); PreparedStatement q = db.prepareStatement(
                "SELECT p::text FROM job_postings p WHERE source_id = ?::uuid ORDER BY id")) {
            q.setString(1, source);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
