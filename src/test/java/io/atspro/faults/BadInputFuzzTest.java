package io.atspro.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Thousands of bad requests to every route of the OpenAPI document, every method, with user and admin
 * tokens: malformed and mistyped JSON, huge and deeply nested values, NUL bytes, wrong content types, junk
 * path segments and query values. Every answer is below 500 (503 included: nothing here is an outage),
 * every 4xx is problem+json, and no row of any table changes. Reproduce a failure with
 * {@code -Dfuzz.seed=<the seed printed>}.
 */
@QuarkusTest
class BadInputFuzzTest {

    /**
     * Tables that change without any fault of a bad request, so they are not compared: the task queue and its
     * archive (workers claim, lease, finish and archive tasks left by earlier test classes), notifications (the
     * notification tick writes reminders and briefings for earlier users), scrape_runs and platform_metrics
     * (scheduled runs of sources earlier classes left behind), and session: every authenticated request, bad
     * or not, records when and from which address and user agent its session was last seen.
     */
    static final Set<String> CHANGING_ON_THEIR_OWN = Set.of("tasks", "tasks_archive", "notifications", "scrape_runs",
            "platform_metrics", "session");

    static final int REQUESTS_PER_OPERATION = 20;
    static final int ADMIN_REQUESTS_PER_OPERATION = 6;
    static final String MB_STRING = "x".repeat(1024 * 1024);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    record Operation(String method, String path, List<String> pathParams, List<String> queryParams,
                     List<String> bodyTypes, Map<String, String> fields, boolean admin, boolean secured) {

        boolean trigger() {
            return !method.equals("GET") && pathParams.isEmpty() && bodyTypes.isEmpty();
        }

        boolean stream() {
            return path.endsWith("/stream");
        }
    }

    record Sent(String method, String uri, String contentType, String bodySample, String who) {
    }

    record Answer(Sent request, int status, String contentType, String body) {
    }

    @Test
    void everyRouteAnswersBadInputWithA4xxProblemAndChangesNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BadInputFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        long startedAt = System.nanoTime();

        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(100);
        List<String> users = new ArrayList<>();
        List<String> admins = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(Tokens.user().bearer());
        }
        for (int i = 0; i < 3; i++) {
            admins.add(Tokens.admin().bearer());
        }
        for (String bearer : concat(users, admins)) {
            given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200);
        }

        List<HttpRequest> requests = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        Fuzzer fuzzer = new Fuzzer(random);
        List<String> skipped = new ArrayList<>();
        for (Operation op : operations) {
            if (op.stream() && op.method().equals("GET")) {
                skipped.add("GET " + op.path() + " (an event stream stays open)");
                continue;
            }
            if (op.trigger()) {
                skipped.add(op.method() + " " + op.path() + " (a trigger: any request to it is valid)");
                continue;
            }
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                String who = op.secured() ? users.get(random.nextInt(users.size())) : null;
                fuzzer.add(op, op.method(), who, "user", requests, sent);
            }
            if (op.admin() || random.nextInt(4) == 0) {
                for (int i = 0; i < ADMIN_REQUESTS_PER_OPERATION; i++) {
                    fuzzer.add(op, op.method(), admins.get(random.nextInt(admins.size())), "admin", requests, sent);
                }
            }
        }
        // methods a route does not have, and junk below every route
        Map<String, List<Operation>> byPath = operations.stream()
                .collect(Collectors.groupingBy(Operation::path, LinkedHashMap::new, Collectors.toList()));
        for (var entry : byPath.entrySet()) {
            Set<String> has = entry.getValue().stream().map(Operation::method).collect(Collectors.toSet());
            Operation any = entry.getValue().get(0);
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                if (!has.contains(method)) {
                    for (int i = 0; i < 3; i++) {
                        fuzzer.add(any, method, users.get(random.nextInt(users.size())), "user", requests, sent);
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                fuzzer.addJunkBelow(any, users.get(random.nextInt(users.size())), requests, sent);
            }
        }
        System.out.println("BadInputFuzzTest skips " + skipped);

        awaitIdleTaskQueue();
        Map<String, String> before = TableDigest.of(CHANGING_ON_THEIR_OWN);
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        Iterator<Integer> next = order.iterator();
        Object lock = new Object();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                while (true) {
                    int index;
                    synchronized (lock) {
                        if (!next.hasNext()) {
                            return null;
                        }
                        index = next.next();
                    }
                    Sent request = sent.get(index);
                    try {
                        HttpResponse<String> response = http.send(requests.get(index), HttpResponse.BodyHandlers.ofString());
                        answers.add(new Answer(request, response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(""), response.body()));
                    } catch (java.io.IOException e) {
                        answers.add(new Answer(request, -1, "", e.toString()));
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Map<String, String> after = TableDigest.of(CHANGING_ON_THEIR_OWN);

        List<Answer> all = new ArrayList<>(answers);
        Map<Integer, Long> byStatus = all.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new,
                Collectors.counting()));
        System.out.printf("BadInputFuzzTest: %d requests to %d operations in %d ms, statuses %s%n", all.size(),
                operations.size(), (System.nanoTime() - startedAt) / 1_000_000, byStatus);
        List<String> failures = new ArrayList<>();
        for (Answer answer : all) {
            String problem = check(answer);
            if (problem != null) {
                failures.add(problem + " <- " + answer.request() + " -> " + answer.status() + " " + answer.contentType()
                        + " " + abbreviate(answer.body(), 300));
            }
        }
        failures.stream().limit(60).forEach(f -> System.out.println("FUZZ FAILURE " + f));
        Map<String, String> changed = new TreeMap<>();
        before.forEach((table, digest) -> {
            if (!digest.equals(after.get(table))) {
                changed.put(table, digest + " -> " + after.get(table));
            }
        });
        if (!changed.isEmpty()) {
            all.stream().filter(a -> a.status() / 100 == 2 && !a.request().method().equals("GET"))
                    .limit(40).forEach(a -> System.out.println("FUZZ 2xx WRITE " + a.request() + " -> " + a.status()
                            + " " + abbreviate(a.body(), 200)));
        }
        assertThat(failures).as("seed %d: answers that are 5xx, or 4xx without a problem document", seed).isEmpty();
        assertThat(changed).as("seed %d: tables changed by bad requests", seed).isEmpty();
        assertThat(all).hasSizeGreaterThan(2000);
    }

    @Test
    void aNulCharacterInAnOtherwiseValidRequestIsA400AndWritesNothing() {
        String bearer = Tokens.user().bearer();
        String userId = given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        Map<String, String> before = TableDigest.of(CHANGING_ON_THEIR_OWN);
        List<String[]> requests = List.of(
                new String[] {"POST", "/api/v1/applications", "{\"company_name\":\"Nul\\u0000Co\",\"job_title\":\"Engineer\"}"},
                new String[] {"POST", "/api/v1/resumes", "{\"title\":\"CV\\u0000\",\"resume_data\":{}}"},
                new String[] {"POST", "/api/v1/resumes", "{\"title\":\"CV\",\"resume_data\":{\"summary\":\"a\\u0000b\"}}"},
                new String[] {"PATCH", "/api/v1/me", "{\"bio\":\"a\\u0000b\"}"},
                new String[] {"POST", "/api/v1/goals", "{\"title\":\"G\\u0000\",\"goal_type\":\"applications_per_week\","
                        + "\"target_metrics\":{\"target\":5}}"});
        for (String[] request : requests) {
            given().header("Authorization", bearer).contentType("application/json").body(request[2])
                    .request(request[0], request[1]).then().statusCode(400)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                    .body("status", org.hamcrest.Matchers.equalTo(400))
                    .body("detail", org.hamcrest.Matchers.containsString("NUL"));
        }
        for (String path : List.of("/api/v1/postings?q=a%00b", "/api/v1/jobs?q=%00", "/api/v1/applications?company=%00")) {
            int status = given().header("Authorization", bearer).urlEncodingEnabled(false).get(path).then().extract()
                    .statusCode();
            assertThat(status).as(path).isIn(200, 400);
        }
        assertThat(TableDigest.of(CHANGING_ON_THEIR_OWN)).as("user %s", userId).isEqualTo(before);
    }

    /**
     * Tasks left by earlier test classes (resume parsing, job fetching, scrape runs) write to the tables compared
     * here: wait until none is running or due soon, so that only this test's requests could change them.
     */
    private static void awaitIdleTaskQueue() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (io.atspro.testing.Db.count("SELECT count(*) FROM tasks WHERE status = 'running' OR (status = 'pending' "
                + "AND scheduled_at < now() + interval '2 minutes')") > 0) {
            if (System.nanoTime() > deadline) {
                System.out.println("BadInputFuzzTest: the task queue did not settle within 60 s; comparing anyway");
                return;
            }
            Thread.sleep(250);
        }
    }

    private static String check(Answer answer) {
        if (answer.status() < 0) {
            return "no answer";
        }
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "4xx without problem+json";
            }
            try {
                JsonNode body = JSON.readTree(answer.body());
                if (body.path("status").asInt() != answer.status() || body.path("title").asText().isEmpty()) {
                    return "problem without status or title";
                }
            } catch (Exception e) {
                return "problem that is not JSON";
            }
        }
        return null;
    }

    /** The operations of the OpenAPI document, with their parameters and the JSON fields of their bodies. */
    private List<Operation> operations() throws Exception {
        JsonNode api = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        JsonNode schemas = api.path("components").path("schemas");
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                var method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                for (JsonNode parameter : op.path("parameters")) {
                    if (parameter.path("in").asText().equals("path")) {
                        pathParams.add(parameter.path("name").asText());
                    } else if (parameter.path("in").asText().equals("query")) {
                        queryParams.add(parameter.path("name").asText());
                    }
                }
                List<String> bodyTypes = new ArrayList<>();
                Map<String, String> fields = new LinkedHashMap<>();
                op.path("requestBody").path("content").fields().forEachRemaining(content -> {
                    bodyTypes.add(content.getKey());
                    JsonNode schema = resolve(content.getValue().path("schema"), schemas);
                    schema.path("properties").fields().forEachRemaining(p ->
                            fields.put(snake(p.getKey()), typeOf(p.getValue(), schemas)));
                });
                boolean admin = false;
                boolean secured = false;
                for (JsonNode requirement : op.path("security")) {
                    secured = true;
                    for (JsonNode role : requirement.path("bearer")) {
                        admin |= role.asText().equals("admin");
                    }
                }
                out.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), pathParams, queryParams,
                        bodyTypes, fields, admin, secured));
            }
        }
        return out;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    private static String typeOf(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (name.equals("UUID") || name.equals("Instant") || name.equals("LocalDate") || name.equals("OffsetDateTime")) {
                return name;
            }
            JsonNode resolved = resolve(schema, schemas);
            return resolved.has("enum") ? "enum" : resolved.path("type").asText("object");
        }
        return schema.path("type").asText("object");
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Makes one bad request at a time from a seeded Random. */
    final class Fuzzer {

        private static final List<String> BAD_IDS = List.of("not-a-uuid", "99999999999999999999999999", "-1", "0",
                "1.5e400", "\u0000", "a\u0000b", "..", "../../etc/passwd", "ü😀🚀", "' OR 1=1 --", "<script>",
                "00000000-0000-0000-0000-000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", " ", "null", "%",
                "%00", "a/b", "x".repeat(600), "9".repeat(300), "{id}", "\\", "\r\n", "true");
        private static final List<String> BAD_VALUES = List.of("-1", "0", "-2147483649", "2147483648",
                "99999999999999999999999999", "1e309", "NaN", "abc", "", " ", "\u0000", "x\u0000y", "2026-13-45",
                "2026-02-30", "0000-00-00", "99999-01-01", "-999999999-01-01", "yesterday", "2026-01-01T25:61:00Z",
                "../../", "ü😀", "' OR 1=1 --", "%", "null", "[]", "{}", "true", "maybe", "not-a-cursor",
                "eyJub3QiOiJhIGN1cnNvciJ9", "AAAA", "=====", "y".repeat(1500), "1".repeat(400),
                "00000000-0000-0000-0000-000000000000", "a,b,,c", "\\", "\"");
        private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=zz",
                "application/octet-stream", "application/json; charset=utf-16", "image/png", "junk", "*/*",
                "application/merge-patch+json");
        private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "*/*",
                "application/json", "text/event-stream", "image/png;q=0.1", "junk");

        private final Random random;

        Fuzzer(Random random) {
            this.random = random;
        }

        void add(Operation op, String method, String bearer, String who, List<HttpRequest> requests, List<Sent> sent) {
            StringBuilder uri = new StringBuilder();
            String path = op.path();
            for (String name : op.pathParams()) {
                String value = random.nextInt(6) == 0 ? UUID.randomUUID().toString() : pick(BAD_IDS);
                path = path.replace("{" + name + "}", encodePath(value));
            }
            uri.append(path.startsWith("/") ? path.substring(1) : path);
            List<String> query = new ArrayList<>();
            for (String name : op.queryParams()) {
                if (random.nextInt(3) > 0) {
                    query.add(encode(name) + "=" + encode(pick(BAD_VALUES)));
                }
            }
            if (random.nextInt(4) == 0) {
                query.add(encode(pick(List.of("limit", "size", "page", "cursor", "sort", "zz", "\u0000", "a[b]")))
                        + "=" + encode(pick(BAD_VALUES)));
            }
            if (!query.isEmpty()) {
                uri.append('?').append(String.join("&", query));
            }
            boolean hasBody = !method.equals("GET") && !method.equals("DELETE") || random.nextInt(4) == 0;
            String contentType = null;
            byte[] body = null;
            if (hasBody) {
                int kind = random.nextInt(10);
                contentType = kind < 7 ? "application/json" : pick(CONTENT_TYPES);
                body = body(op);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + uri.toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (random.nextInt(8) == 0) {
                request.header("Accept", pick(ACCEPTS));
            }
            if (bearer != null) {
                request.header("Authorization", bearer);
            }
            requests.add(request.build());
            sent.add(new Sent(method, "/" + abbreviate(uri.toString(), 200), contentType,
                    body == null ? null : abbreviate(new String(body, StandardCharsets.UTF_8), 200), who));
        }

        void addJunkBelow(Operation op, String bearer, List<HttpRequest> requests, List<Sent> sent) {
            // ".." would not be below: the server resolves ".../export/x/.." to ".../export" itself
            List<String> below = BAD_IDS.stream().filter(id -> !id.equals("..")).toList();
            String path = op.path().replaceAll("\\{[^}]+}", encodePath(pick(BAD_IDS))) + "/" + encodePath(pick(below))
                    + (random.nextBoolean() ? "/" + encodePath(pick(below)) : "");
            String method = pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", bearer)
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"zz\":1}"))
                    .header("Content-Type", "application/json");
            requests.add(request.build());
            sent.add(new Sent(method, abbreviate(path, 200), "application/json", "{\"zz\":1}", "user"));
        }

        /** A body that no route can accept: malformed, of the wrong shape, or with a field no request has. */
        private byte[] body(Operation op) {
            int kind = random.nextInt(40);
            String text = switch (kind) {
                case 0, 1, 2, 3 -> pick(List.of("{", "{\"a\":", "not json", "{\"a\":1}}", "{'a':1}", "[1,2", "{\"a\":tru}",
                        "\u0000", "{\"a\":\"\\u00\"}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\" 1}", "\"unterminated"));
                case 4, 5, 6 -> pick(List.of("[]", "\"text\"", "42", "-1e400", "null", "true", "[{}]", "\"\\u0000\""));
                case 7 -> "[".repeat(5000) + "]".repeat(5000);
                case 8 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
                case 9, 10 -> null;
                default -> fields(op, kind);
            };
            if (text == null) {
                byte[] bytes = new byte[1 + random.nextInt(2000)];
                random.nextBytes(bytes);
                return bytes;
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        /** The route's own fields with values of the wrong type or size, then a field no request knows. */
        private String fields(Operation op, int kind) {
            Map<String, String> fields = op.fields().isEmpty()
                    ? Map.of("title", "string", "status", "string", "id", "UUID") : op.fields();
            StringBuilder json = new StringBuilder("{");
            boolean huge = kind == 11;
            for (var field : fields.entrySet()) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                String value;
                if (huge && field.getValue().equals("string")) {
                    value = "\"" + MB_STRING + "\""; // one field of 1 MB
                    huge = false;
                } else if (kind >= 12 && kind <= 14) {
                    value = "\"nul \\u0000 inside\"";
                } else {
                    value = wrongValue(field.getValue());
                }
                json.append('"').append(field.getKey()).append("\":").append(value).append(',');
            }
            json.append("\"zz_not_a_field_").append(random.nextInt(1000)).append("\":1}");
            return json.toString();
        }

        private String wrongValue(String type) {
            return switch (type) {
                case "string", "enum" -> pick(List.of("{}", "[1]", "\"\\u0000\"", "\"" + "s".repeat(70_000) + "\"",
                        "\"ü😀\\ud800\"", "{\"$ne\":1}", "\"" + pick(BAD_VALUES).replace("\\", "\\\\").replace("\"", "\\\"")
                                .replace("\u0000", "\\u0000") + "\""));
                case "integer", "number" -> pick(List.of("\"abc\"", "1e400", "99999999999999999999999999999", "-1",
                        "2147483648", "1.5", "[]", "{}", "true", "\"\\u0000\"", "-9223372036854775809"));
                case "boolean" -> pick(List.of("\"maybe\"", "2", "[]", "{}", "\"\""));
                case "array" -> pick(List.of("\"x\"", "{}", "[{\"a\":[{}]}]", "[null]", "[\"\\u0000\"]", "1"));
                case "UUID" -> pick(List.of("\"not-a-uuid\"", "1", "\"\\u0000\"", "[]", "\"00000000-0000-0000-0000\""));
                case "Instant", "OffsetDateTime", "LocalDate" -> pick(List.of("\"2026-13-45\"", "\"yesterday\"",
                        "99999999999999999999", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01\"", "[]", "\"\""));
                default -> pick(List.of("\"x\"", "[]", "1", "{\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}",
                        "{\"\\u0000\":\"\\u0000\"}"));
            };
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private String encodePath(String value) {
            if (value.equals("..") || value.equals("%") || value.equals("%00")) {
                return value.equals("%") ? "%25" : value; // raw: the server sees the traversal and the escape
            }
            return encode(value).replace("+", "%20");
        }

        private String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
