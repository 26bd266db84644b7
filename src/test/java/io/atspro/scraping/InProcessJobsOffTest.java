package io.atspro.scraping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.Db;
import io.atspro.testing.SchedulerExecutions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code atspro.jobs.in-process=false}: the periodic jobs skip their ticks (CronJobs call their admin triggers
 * instead), while the keep-alive ticks and the task workers go on.
 */
@QuarkusTest
@TestProfile(InProcessJobsOffTest.JobsOff.class)
class InProcessJobsOffTest {

    public static class JobsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atspro.jobs.in-process", "false",
                    "atspro.scraping.tick", "1s",
                    "atspro.notifications.tick", "1s",
                    "atspro.notifications.heartbeat", "1s");
        }
    }

    @Inject
    SchedulerExecutions executions;

    @Test
    void aDueSourceWaitsForTheTriggerWhileKeepAlivesAndWorkersRun() {
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of()));
        String id = CatalogAdmin.addSource("ashby", board, "Acme");
        Db.update("UPDATE scrape_sources SET next_run_at = now() - interval '1 minute' WHERE id = ?::uuid", id);

        executions.awaitSkipped("ScrapeScheduler#tick", Duration.ofSeconds(30));
        executions.awaitSkipped("NotificationJobs#tick", Duration.ofSeconds(30));
        executions.awaitSucceeded("LiveHub#heartbeat", Duration.ofSeconds(10));
        assertThat(Db.count("SELECT count(*) FROM scrape_runs WHERE source_id = ?::uuid", id))
                .as("the scheduler tick queued nothing").isZero();
        assertThat(executions.succeeded())
                .noneMatch(m -> m.endsWith("ScrapeScheduler#tick") || m.endsWith("NotificationJobs#tick"));

        List<String> started = given().header("Authorization", CatalogAdmin.bearer())
                .post("/api/v1/admin/scrape-sources/run-due").then().statusCode(200).extract().path("started.source_id");
        assertThat(started).contains(id);
        String runId = Db.text("SELECT id::text FROM scrape_runs WHERE source_id = ?::uuid", id);
        assertThat(CatalogAdmin.await(id, runId).getString("status")).as("task workers still run").isEqualTo("succeeded");
    }
}
