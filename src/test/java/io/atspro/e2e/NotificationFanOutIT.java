package io.atspro.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.ChildProcesses;
import io.atspro.testing.FreePort;
import io.atspro.testing.PackagedApp;
import io.atspro.testing.TestStack;
import io.atspro.testing.devstack.HttpProbe;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service share one PostgreSQL and one Redis: a notification created on one
 * reaches a stream open on the other within a second, through Redis pub/sub.
 */
@QuarkusIntegrationTest
class NotificationFanOutIT {

    static Process second;
    static int secondPort;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        secondPort = FreePort.find();
        Map<String, String> config = new LinkedHashMap<>(TestStack.get().config());
        config.put("quarkus.http.port", String.valueOf(secondPort));
        List<String> command = PackagedApp.command(config, "384m");
        Path log = Files.createTempFile("second-replica", ".log");
        second = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI ready = URI.create("http://127.0.0.1:" + secondPort + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!HttpProbe.isOk(ready)) {
            if (!second.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The second replica did not start:\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopSecondReplica() {
        if (second != null) {
            ChildProcesses.stop(second, Duration.ofSeconds(10));
        }
    }

    @Test
    void aStatusChangeOnOneReplicaReachesAStreamOnTheOther() throws Exception {
        String token = TestStack.get().keycloak().tokenFor("bob", "bob");
        String application = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"company_name\":\"Replica Corp\",\"job_title\":\"SRE\"}").post("/api/v1/applications")
                .then().statusCode(201).extract().header("Location");

        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + secondPort + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (Exception ignored) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(300);

        long started = System.nanoTime();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\":\"applied\"}")
                .post(application + "/status").then().statusCode(200);
        String event = data.poll(1, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        stream.body().close();

        assertThat(event).as("the other replica's stream got it within 1 s").isNotNull()
                .contains("\"title\":\"Application to Replica Corp: applied\"");
        assertThat(tookMs).isLessThan(1000);
    }
}
