package io.atspro.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.ChildProcesses;
import io.atspro.testing.Db;
import io.atspro.testing.FreePort;
import io.atspro.testing.PackagedApp;
import io.atspro.testing.TestStack;
import io.atspro.testing.devstack.HttpProbe;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a packaged pod in the middle of work: the request it is reading finishes with its answer, the task
 * it is running goes back to the queue at once, and another pod runs that task to the end; its open notification
 * streams end at once, telling their clients to reconnect elsewhere.
 */
class GracefulShutdownIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<Process> pods = new ArrayList<>();

    @AfterEach
    void stopPods() {
        pods.forEach(pod -> ChildProcesses.stop(pod, Duration.ofSeconds(10)));
    }

    @Test
    void sigtermFinishesTheRequestInFlightAndHandsTheRunningTaskToAnotherPod() throws Exception {
        TestStack stack = TestStack.get();
        String token = stack.keycloak().tokenFor("bob", "bob");

        // a job page that takes 8 s to answer: its fetch task is still running when the pod is told to stop
        String page = "/slow-job/" + UUID.randomUUID();
        stack.boards().wiremock().stubFor(get(urlEqualTo(page)).willReturn(aResponse().withFixedDelay(8_000)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>Platform Engineer at Slowly</title></head><body><h1>Platform Engineer"
                        + "</h1><p>Slowly Inc. builds things with Java and PostgreSQL in Berlin.</p></body></html>")));

        Pod first = startPod("first");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(first.uri("/api/v1/jobs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + stack.boards().url(page) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String taskId = field(created.body(), "task_id");
        String jobId = field(created.body(), "id");
        awaitHeldBy(taskId, first.workerId());

        // an upload the pod is in the middle of reading when SIGTERM comes
        String documentName = "in-flight-" + UUID.randomUUID() + ".txt";
        byte[] body = multipart(documentName, "Worked on the ATSPro backend.\n".repeat(8_000));
        try (Socket upload = new Socket("127.0.0.1", first.port())) {
            upload.setSoTimeout(30_000);
            OutputStream out = upload.getOutputStream();
            out.write(("POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300);

            long sigterm = System.nanoTime();
            first.process().destroy(); // SIGTERM
            Thread.sleep(1_000);
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            String answer = new String(readAll(upload.getInputStream()), StandardCharsets.UTF_8);
            assertThat(answer).as("the upload in flight at SIGTERM").startsWith("HTTP/1.1 201");

            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).as("the pod stops within its grace").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(Files.readString(first.log())).contains("running task(s) handed back to the queue");
        assertThat(Db.count("SELECT count(*) FROM documents WHERE filename = ?", documentName)).isEqualTo(1);

        // the fetch task is back in the queue, not failed, and its attempt not counted
        assertThat(Db.text("SELECT status FROM tasks WHERE id = ?::uuid", taskId)).isIn("pending", "running", "completed");
        assertThat(Db.text("SELECT error_message FROM tasks WHERE id = ?::uuid", taskId)).isNull();
        assertThat(Db.text("SELECT coalesce(locked_by, '') FROM tasks WHERE id = ?::uuid", taskId))
                .isNotEqualTo(first.workerId());

        // another pod (or the end-to-end suite's own) takes it and reads the page
        startPod("second");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"completed".equals(Db.text("SELECT status FROM tasks WHERE id = ?::uuid", taskId))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Db.text("SELECT status FROM tasks WHERE id = ?::uuid", taskId)).isEqualTo("completed");
        assertThat(Db.count("SELECT retry_count FROM tasks WHERE id = ?::uuid", taskId)).isZero();
        assertThat(Db.text("SELECT parsed_data::text FROM jobs WHERE id = ?::uuid", jobId)).contains("Platform Engineer");
    }

    @Test
    void sigtermEndsOpenNotificationStreamsWithAReconnectHintSoTheyDoNotHoldTheDrain() throws Exception {
        String token = TestStack.get().keycloak().tokenFor("bob", "bob");
        Pod pod = startPod("streams");
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(pod.uri("/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                lines.add("(closed: " + closed + ")");
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);

        long sigterm = System.nanoTime();
        pod.process().destroy(); // SIGTERM
        reader.join(10_000);
        assertThat(reader.isAlive()).as("the stream ended after SIGTERM").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).as("at once, not after the delay")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(lines).as("with the reconnect hint").anyMatch(line -> line.replace(" ", "").equals("retry:1000"));

        assertThat(pod.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        // the 3 s delay, then no request left to drain: well before the 15 s drain timeout the stream would hold
        assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).isLessThan(Duration.ofSeconds(9));
        assertThat(Files.readString(pod.log())).contains("1 notification stream(s) ended");
    }

    private static final String BOUNDARY = "atspro-graceful-shutdown";

    private static byte[] multipart(String fileName, String content) {
        String text = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nother\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static void awaitHeldBy(String taskId, String workerId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!workerId.equals(Db.text("SELECT locked_by FROM tasks WHERE id = ?::uuid", taskId))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Db.text("SELECT locked_by FROM tasks WHERE id = ?::uuid", taskId))
                .as("the first pod runs the fetch").isEqualTo(workerId);
    }

    record Pod(Process process, int port, Path log, String workerId) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private Pod startPod(String name) throws Exception {
        int port = FreePort.find();
        Map<String, String> config = new LinkedHashMap<>(TestStack.get().config());
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("atspro.jobs.fetch.allow-private-networks", "true");
        config.put("atspro.tasks.shutdown-grace", "1S");
        List<String> command = PackagedApp.command(config, "384m");
        Path log = Files.createTempFile("pod-" + name, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        pods.add(process);
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!HttpProbe.isOk(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Pod " + name + " did not start:\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
        // the workers start beside the start: their id is in the log a moment later
        Pattern started = Pattern.compile("Task worker (\\S+) started");
        String workerId = null;
        while (workerId == null) {
            Matcher worker = started.matcher(Files.readString(log));
            if (worker.find()) {
                workerId = worker.group(1);
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Pod " + name + " started no task worker:\n" + Files.readString(log));
            } else {
                Thread.sleep(100);
            }
        }
        return new Pod(process, port, log, workerId);
    }
}
