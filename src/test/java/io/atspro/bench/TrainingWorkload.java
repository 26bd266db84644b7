package io.atspro.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user does in the first minutes of a session, over the API: the requests a start-up archive or AOT
 * cache is trained on, so the classes and methods they need are loaded, linked and profiled before the pod
 * serves its first real request. Answers are not checked here (the tests do that); a failing request still
 * trains its error path.
 */
final class TrainingWorkload {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String token;
    private int failures;

    private TrainingWorkload(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static void run(URI base, String token) throws IOException, InterruptedException {
        TrainingWorkload workload = new TrainingWorkload(base, token);
        for (int round = 0; round < 20; round++) {
            workload.round(round);
        }
        System.out.printf("training workload: %d requests failed%n", workload.failures);
    }

    private void round(int round) throws IOException, InterruptedException {
        get("/api/v1/me");
        send("PATCH", "/api/v1/me", "application/merge-patch+json", "{\"title\":\"Engineer " + round + "\"}");
        get("/api/v1/me/settings");
        get("/api/v1/me/subscription");
        get("/api/v1/me/skills");
        String job = id(send("POST", "/api/v1/jobs", "application/json",
                "{\"parsed_data\":{\"title\":\"Backend Engineer\",\"company\":\"Acme " + round
                        + "\",\"description\":\"Java, PostgreSQL, Kubernetes\"}}"));
        get("/api/v1/jobs?q=engineer");
        String application = id(send("POST", "/api/v1/applications", "application/json",
                "{\"company_name\":\"Acme " + round + "\",\"job_title\":\"Backend Engineer\"}"));
        if (application != null) {
            get("/api/v1/applications/" + application);
            send("POST", "/api/v1/applications/" + application + "/status", "application/json",
                    "{\"status\":\"applied\",\"note\":\"sent\"}");
            get("/api/v1/applications/" + application + "/timeline");
        }
        get("/api/v1/applications?sort=updated_at&order=desc");
        get("/api/v1/postings?q=engineer&limit=20");
        get("/api/v1/postings?q=enginer&location=Berlin");
        get("/api/v1/resumes");
        get("/api/v1/notifications");
        get("/api/v1/notifications/unread-count");
        get("/api/v1/goals");
        get("/api/v1/tasks");
        get("/api/v1/analytics/pipeline");
        get("/api/v1/analytics/weekly?weeks=12");
        get("/api/v1/analytics/response-rate");
        get("/api/v1/no-such-route");
        send("POST", "/api/v1/applications", "application/json", "{\"company_name\":");
        if (job != null && round % 2 == 0) {
            send("DELETE", "/api/v1/jobs/" + job, null, null);
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    private String send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            failures++;
        }
        return response.body();
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : null;
    }
}
