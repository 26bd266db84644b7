package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.posting.PostingsDiscovered;
import io.atspro.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How runs meet a board that rate-limits, fails, lies, or answers garbage. */
@QuarkusTest
class ScrapeRunFaultsTest {

    /** Catches the events runs fire, as another feature would. */
    @ApplicationScoped
    static class DiscoveredPostings {
        static final List<PostingsDiscovered> SEEN = new CopyOnWriteArrayList<>();

        void on(@Observes PostingsDiscovered event) {
            SEEN.add(event);
        }
    }

    static List<ObjectNode> jobs(int n, String word) {
        List<ObjectNode> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(BoardPayloads.greenhouseJob("Platform Engineer " + word + " " + i, "Faultline " + word,
                    "Lisbon", "2026-11-0" + (1 + i % 9) + "T10:00:00Z", "<p>Build things.</p>"));
        }
        return jobs;
    }

    @Test
    void aBoardAnswering429ThenOkIsRetriedAndTheRunSucceeds() {
        String token = BoardPayloads.uniqueWord();
        String url = "/v1/boards/" + token + "/jobs?content=true";
        var boards = BoardPayloads.boards();
        boards.stubFor(get(urlEqualTo(url)).inScenario(token).whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("calm"));
        boards.stubFor(get(urlEqualTo(url)).inScenario(token).whenScenarioStateIs("calm")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(BoardPayloads.greenhouseBoard(jobs(3, token)))));
        String source = CatalogAdmin.addSource("greenhouse", token, null);

        long started = System.nanoTime();
        JsonPath run = CatalogAdmin.run(source);

        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
        assertThat(run.getInt("jobs_new")).isEqualTo(3);
        assertThat(run.getInt("requests")).isEqualTo(2);
        assertThat(run.getInt("rate_limit_hits")).isEqualTo(1);
        assertThat(System.nanoTime() - started).as("waited for Retry-After: 1").isGreaterThan(1_000_000_000L);
        boards.verify(2, getRequestedFor(urlEqualTo(url)));
    }

    @Test
    void aBoardThatKeepsFailingFailsTheRunWithAClearMessage() {
        String token = BoardPayloads.uniqueWord();
        BoardPayloads.boards().stubFor(get(urlEqualTo("/v1/boards/" + token + "/jobs?content=true"))
                .willReturn(aResponse().withStatus(503)));
        String source = CatalogAdmin.addSource("greenhouse", token, null);

        JsonPath run = CatalogAdmin.run(source);

        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error_message")).contains("HTTP 503");
        assertThat(run.getInt("requests")).isEqualTo(3); // the first try and 2 retries (test config)
        assertThat(run.getInt("errors")).isEqualTo(3);
    }

    @Test
    void aMissingBoardFailsTheRunSayingSo() {
        String token = BoardPayloads.uniqueWord();
        BoardPayloads.boards().stubFor(get(urlEqualTo("/v1/boards/" + token + "/jobs?content=true"))
                .willReturn(aResponse().withStatus(404)));
        JsonPath run = CatalogAdmin.run(CatalogAdmin.addSource("greenhouse", token, null));
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error_message")).contains("HTTP 404").contains("check the board token");
    }

    @Test
    void aListingThatWouldCloseMostOfABigBoardIsRefusedAndNothingCloses() {
        String token = BoardPayloads.uniqueWord();
        List<ObjectNode> all = jobs(12, token);
        BoardPayloads.serveGreenhouse(token, BoardPayloads.greenhouseBoard(all));
        String source = CatalogAdmin.addSource("greenhouse", token, null);
        assertThat(CatalogAdmin.run(source).getInt("jobs_new")).isEqualTo(12);

        BoardPayloads.serveGreenhouse(token, BoardPayloads.greenhouseBoard(all.subList(0, 1)));
        JsonPath run = CatalogAdmin.run(source);

        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error_message")).contains("would close 11").contains("refusing");
        assertThat(Db.count("SELECT count(*) FROM job_postings WHERE source_id = ?::uuid AND is_active", source))
                .isEqualTo(12);
    }

    @Test
    void aRunAnnouncesTheNewPostingsOnly() {
        String token = BoardPayloads.uniqueWord();
        List<ObjectNode> all = jobs(3, token);
        BoardPayloads.serveGreenhouse(token, BoardPayloads.greenhouseBoard(all.subList(0, 2)));
        String source = CatalogAdmin.addSource("greenhouse", token, null);
        String firstRun = CatalogAdmin.run(source).getString("id");

        BoardPayloads.serveGreenhouse(token, BoardPayloads.greenhouseBoard(all));
        String secondRun = CatalogAdmin.run(source).getString("id");

        List<PostingsDiscovered> events = DiscoveredPostings.SEEN.stream()
                .filter(e -> e.sourceId().toString().equals(source)).toList();
        assertThat(events).extracting(e -> e.runId().toString()).containsExactly(firstRun, secondRun);
        assertThat(events.get(0).postingIds()).hasSize(2);
        assertThat(events.get(0).platform()).isEqualTo("greenhouse");
        UUID third = events.get(1).postingIds().get(0);
        assertThat(events.get(1).postingIds()).hasSize(1);
        assertThat(Db.text("SELECT title FROM job_postings WHERE id = ?", third))
                .isEqualTo("Platform Engineer " + token + " 2");
    }
}
