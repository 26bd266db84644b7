package io.atspro.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.Db;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under load and comes back on the same port and data: while it is down every answer is a
 * quick 503 problem+json and readiness is DOWN; afterwards requests recover by themselves and every write
 * that was acknowledged is still there.
 */
@QuarkusTest
class PostgresRestartTest {

    /** No answer may take longer than this, up or down. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);
    /** Requests succeed again this soon after PostgreSQL accepts connections. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);
    private static final Duration DOWN_FOR = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URI base;

    /** One answer seen by a load thread; times are System.nanoTime(). */
    record Call(String kind, String bearer, long sent, long answered, int status, String contentType, String body) {
        Duration took() {
            return Duration.ofNanos(answered - sent);
        }
    }

    @Test
    void answersAre503WhileDownThenRecoverAndNoAcknowledgedWriteIsLost() throws Exception {
        // one user per load thread: the per-user rate limit (600 a minute) stays out of the way
        List<String> bearers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            bearers.add(Tokens.user().bearer());
            given().header("Authorization", bearers.get(t)).get("/api/v1/me").then().statusCode(200);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Queue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        long stopped;
        long startRequested;
        long started;
        boolean readinessDownSeen = false;
        List<Future<?>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                String writer = bearers.get(2 * t);
                String reader = bearers.get(2 * t + 1);
                threads.add(load.submit(() -> {
                    while (running.get()) {
                        String body = "{\"company_name\":\"Restart Co " + sequence.incrementAndGet()
                                + "\",\"job_title\":\"Engineer\",\"status\":\"applied\"}";
                        calls.add(send(http, "write", HttpRequest.newBuilder(base.resolve("/api/v1/applications"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)), writer));
                        pause(100);
                    }
                    return null;
                }));
                threads.add(load.submit(() -> {
                    while (running.get()) {
                        calls.add(send(http, "read", HttpRequest.newBuilder(base.resolve("/api/v1/applications?limit=5"))
                                .GET(), reader));
                        pause(100);
                    }
                    return null;
                }));
            }
            pause(1500);

            TestStack.get().postgres().stop();
            // the fast shutdown has cut every pooled connection: from here on nothing reaches a live server
            stopped = System.nanoTime();
            long downUntil = stopped + DOWN_FOR.toNanos();
            while (System.nanoTime() < downUntil) {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                        .timeout(ANSWER_BOUND).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 503 && JsonPath.from(ready.body()).getString("status").equals("DOWN")) {
                    readinessDownSeen = true;
                }
                pause(300);
            }
        } finally {
            startRequested = System.nanoTime();
            TestStack.get().postgres().startAgain();
            started = System.nanoTime();
        }
        try {
            long recoveredBy = started + RECOVERY_BOUND.toNanos();
            boolean recovered = false;
            while (!recovered && System.nanoTime() < recoveredBy) {
                pause(250);
                long since = System.nanoTime() - Duration.ofSeconds(1).toNanos();
                List<Call> lastSecond = calls.stream().filter(c -> c.sent() > Math.max(since, started)).toList();
                recovered = lastSecond.size() >= 4 && lastSecond.stream().allMatch(c -> c.status() / 100 == 2);
            }
            pause(500);
            assertThat(recovered).as("every request of a whole second succeeds within %s of the restart", RECOVERY_BOUND)
                    .isTrue();
        } finally {
            running.set(false);
            for (Future<?> thread : threads) {
                thread.get(30, TimeUnit.SECONDS);
            }
            load.shutdownNow();
        }

        List<Call> all = new ArrayList<>(calls);
        List<Call> whileDown = all.stream().filter(c -> c.sent() > stopped && c.answered() < startRequested).toList();
        System.out.printf("PostgresRestartTest: %d calls, %d while down, %d answered 503, start took %d ms%n",
                all.size(), whileDown.size(), all.stream().filter(c -> c.status() == 503).count(),
                (started - startRequested) / 1_000_000);
        assertThat(all).as("no answer takes longer than %s", ANSWER_BOUND)
                .allSatisfy(c -> assertThat(c.took()).isLessThan(ANSWER_BOUND));
        assertThat(all).as("up, down or in between, the answers are successes or 503s, never 500")
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 201, 503));
        assertThat(all).filteredOn(c -> c.status() == 503).as("503 is problem+json with Retry-After semantics")
                .allSatisfy(c -> {
                    assertThat(c.contentType()).as(c.toString()).startsWith("application/problem+json");
                    assertThat(JsonPath.from(c.body()).getInt("status")).isEqualTo(503);
                });
        assertThat(whileDown).as("requests made while PostgreSQL was down").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(503));
        assertThat(readinessDownSeen).as("readiness reports DOWN while PostgreSQL is down").isTrue();
        given().get("/q/health/ready").then().statusCode(200);

        List<Call> acknowledged = all.stream().filter(c -> c.kind().equals("write") && c.status() == 201).toList();
        assertThat(acknowledged).as("writes acknowledged before the stop").anyMatch(c -> c.answered() < stopped);
        assertThat(acknowledged).as("writes acknowledged after the restart").anyMatch(c -> c.sent() > started);
        List<String> ids = new ArrayList<>();
        for (Call write : acknowledged) {
            String id = JsonPath.from(write.body()).getString("id");
            ids.add(id);
            given().header("Authorization", write.bearer()).get("/api/v1/applications/" + id).then().statusCode(200)
                    .body("company_name", org.hamcrest.Matchers.equalTo(JsonPath.from(write.body()).getString("company_name")));
        }
        assertThat(Db.count("SELECT count(*) FROM applications WHERE id = ANY(?::uuid[])",
                "{" + String.join(",", ids) + "}")).isEqualTo(ids.size());
    }

    private static Call send(HttpClient http, String kind, HttpRequest.Builder request, String bearer) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", bearer)
                    .timeout(ANSWER_BOUND.plusSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Call(kind, bearer, sent, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.io.IOException e) {
            return new Call(kind, bearer, sent, System.nanoTime(), -1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(kind, bearer, sent, System.nanoTime(), -1, "", "interrupted");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
