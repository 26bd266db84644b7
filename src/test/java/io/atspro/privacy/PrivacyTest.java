package io.atspro.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.atspro.storage.ObjectStorage;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Export and erasure over every table the live schema says a user owns. */
@QuarkusTest
class PrivacyTest {

    static final String RESUME = """
            {"title":"Main","resume_data":{"contact_info":{"full_name":"Alice Liddell","email":"alice@example.com",
              "phone":"+1 415 555 0134","links":[]},"summary":"Backend engineer.",
              "work_experience":[{"company":"Looking Glass Inc","position":"Senior Software Engineer",
                "start_date":"2019-03","end_date":null,"is_current":true,"description":"Payments",
                "responsibilities":["Built Java services"],"skills":["Java"]}],
              "education":[],"certifications":[],"skills":["Java","PostgreSQL"]}}""";
    static final String JOB = """
            {"parsed_data":{"company":"Wonderland Labs","title":"Senior Backend Engineer",
              "description":"We build payments.","qualifications":["Java","Kafka"]}}""";

    @Inject
    ObjectStorage storage;

    @Inject
    RedisDataSource redis;

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** Something in every table a user can own, through the API. */
    static String populate(Tokens identity) {
        String bearer = identity.bearer();
        String userId = as(bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
        as(bearer).body("{\"phone\":\"+1 415 555 0199\",\"title\":\"Engineer\"}").patch("/api/v1/me").then().statusCode(200);
        as(bearer).body("{\"theme\":\"dark\"}").put("/api/v1/me/settings").then().statusCode(200);
        as(bearer).body("{\"skill_name\":\"Java\"}").post("/api/v1/me/skills").then().statusCode(201);
        as(bearer).body("{\"company_name\":\"Acme\",\"job_title\":\"Dev\",\"start_date\":\"2019-03-01\","
                        + "\"end_date\":\"2023-06-30\",\"achievements\":[\"x\"],\"technologies_used\":[\"Java\"]}")
                .post("/api/v1/me/experiences").then().statusCode(201);
        given().header("Authorization", bearer).multiPart("file", "notes.txt",
                "my notes".getBytes(StandardCharsets.UTF_8), "text/plain").multiPart("kind", "other")
                .post("/api/v1/documents").then()
                .statusCode(201);
        String resume = as(bearer).body(RESUME).post("/api/v1/resumes").then().statusCode(201).extract().path("id");
        as(bearer).post("/api/v1/resumes/" + resume + "/activate").then().statusCode(200);
        given().header("Authorization", bearer).multiPart("file", "cv.txt",
                "Alice Liddell\nalice@example.com\n\nExperience\nEngineer at Acme 2019 - 2023\n"
                        .getBytes(StandardCharsets.UTF_8), "text/plain").post("/api/v1/resumes").then().statusCode(202);
        String job = as(bearer).body(JOB).post("/api/v1/jobs").then().statusCode(201).extract().path("id");
        String application = as(bearer).body("{\"job_id\":\"" + job + "\"}").post("/api/v1/applications").then()
                .statusCode(201).extract().header("Location");
        as(bearer).body("{\"status\":\"applied\"}").post(application + "/status").then().statusCode(200);
        as(bearer).body("{\"rating\":4,\"comments\":\"ok\"}").post(application + "/feedback").then().statusCode(201);
        as(bearer).body("{\"resume_id\":\"" + resume + "\",\"job_id\":\"" + job + "\"}").post("/api/v1/matches")
                .then().statusCode(201);
        as(bearer).body("{\"content_type\":\"cover_letter\",\"resume_id\":\"" + resume + "\",\"job_id\":\"" + job
                + "\"}").post("/api/v1/generated").then().statusCode(201);
        as(bearer).body("{\"search_name\":\"Java\",\"query\":\"java\"}").post("/api/v1/searches").then().statusCode(201);
        as(bearer).body("{\"time_zone\":\"Europe/Berlin\"}").patch("/api/v1/me/notification-preferences").then()
                .statusCode(200);
        as(bearer).post("/api/v1/me/calendar-feed").then().statusCode(200);
        String goal = as(bearer).body("{\"title\":\"Apply\",\"goal_type\":\"applications_per_week\","
                + "\"target_metrics\":{\"target\":5}}").post("/api/v1/goals").then().statusCode(201)
                .extract().header("Location");
        as(bearer).body("{\"title\":\"Three\",\"target_value\":3}").post(goal + "/milestones").then().statusCode(201);
        // a second session of the same person, revoked from the first
        String phone = Tokens.user().subject(identity.subject()).email(identity.email()).sid("phone-" + userId)
                .bearer();
        String phoneSession = as(phone).get("/api/v1/me/sessions").then().statusCode(200)
                .extract().path("items.find { it.current }.id");
        as(bearer).delete("/api/v1/me/sessions/" + phoneSession).then().statusCode(204);
        as(bearer).body("{\"platform\":\"greenhouse\",\"cookies\":\"_gh=secret\",\"session_data\":{\"k\":\"v\"}}")
                .post("/api/v1/browser-sessions").then().statusCode(201);
        // recommendations: a dismissed posting, a muted company, and the cached list with the user's vector
        String company = "Privata " + io.atspro.scraping.BoardPayloads.uniqueWord();
        String board = io.atspro.scraping.BoardPayloads.uniqueWord();
        io.atspro.scraping.BoardPayloads.serveAshby(board, io.atspro.scraping.BoardPayloads.ashbyBoard(List.of(
                io.atspro.scraping.BoardPayloads.ashbyJob("Engineer", "Lisbon", "Portugal", "OnSite", "FullTime",
                        null, null, null, "2026-11-01T10:00:00Z", "Java services."))));
        io.atspro.scraping.CatalogAdmin.run(io.atspro.scraping.CatalogAdmin.addSource("ashby", board, company));
        String posting = as(bearer).queryParam("company", company).get("/api/v1/postings").then().statusCode(200)
                .extract().path("items[0].id");
        as(bearer).post("/api/v1/recommendations/" + posting + "/dismiss").then().statusCode(201);
        as(bearer).body("{\"kind\":\"company\",\"value\":\"Initech\"}").post("/api/v1/recommendations/mutes").then()
                .statusCode(201);
        as(bearer).get("/api/v1/recommendations").then().statusCode(200);
        // a discovery on the catalog only
        as(bearer).body("{\"search_query\":\"engineer\",\"sources\":[]}").post("/api/v1/discoveries").then()
                .statusCode(202);
        // a notification stream ticket not redeemed (yet)
        as(bearer).post("/api/v1/notifications/stream-ticket").then().statusCode(201);
        // no API writes these two: the daily rollup and the six-month archive do
        Db.update("INSERT INTO user_analytics (user_id, metric_date) VALUES (?, current_date - 1)", userId);
        Db.update("INSERT INTO tasks_archive SELECT t.*, now() FROM tasks t WHERE t.user_id = ? LIMIT 1", userId);
        as(bearer).post("/api/v1/me/export").then().statusCode(202);
        // cached in Redis: the profile and the dashboards
        as(bearer).get("/api/v1/me").then().statusCode(200);
        as(bearer).get("/api/v1/analytics/pipeline").then().statusCode(200);
        return userId;
    }

    /** Every (table, owner column) of the live schema, as the service sees it. */
    static List<String[]> ownedTables() throws Exception {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"user", "id"});
        try (Connection c = Db.connection(); PreparedStatement st = c.prepareStatement("""
                SELECT cls.relname, att.attname FROM pg_class cls
                JOIN pg_namespace ns ON ns.oid = cls.relnamespace
                JOIN pg_attribute att ON att.attrelid = cls.oid AND att.attnum > 0 AND NOT att.attisdropped
                WHERE ns.nspname = current_schema() AND cls.relkind IN ('r', 'p') AND NOT cls.relispartition
                  AND att.attname IN ('user_id', 'userId') ORDER BY 1""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    static Map<String, Long> rowsOf(String userId) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String[] t : ownedTables()) {
            counts.put(t[0], Db.count("SELECT count(*) FROM \"" + t[0] + "\" WHERE \"" + t[1] + "\" = ?", userId));
        }
        return counts;
    }

    static void awaitExport(String bearer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String status = as(bearer).get("/api/v1/me/export").then().statusCode(200).extract().path("status");
            if (!status.equals("pending")) {
                assertThat(status).isEqualTo("completed");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the export did not finish");
    }

    @Test
    void erasureLeavesNothingOfAliceAndTouchesNothingOfBobs() throws Exception {
        Tokens aliceId = Tokens.user();
        Tokens bobId = Tokens.user();
        String alice = populate(aliceId);
        String bob = populate(bobId);
        awaitExport(aliceId.bearer());
        awaitExport(bobId.bearer());
        Thread.sleep(1500); // the uploaded resume is parsed by a task

        Map<String, Long> before = rowsOf(alice);
        List<String> empty = before.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        assertThat(empty).as("tables this test puts none of Alice's rows in: add them to populate()").isEmpty();
        Map<String, Long> bobsBefore = rowsOf(bob);
        List<String> bobsKeys = storage.keys(ObjectStorage.userPrefix(bob));
        assertThat(storage.keys(ObjectStorage.userPrefix(alice))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(redisKeysNaming(alice)).isNotEmpty();

        as(aliceId.bearer()).body("{\"confirm\":\"yes\"}").delete("/api/v1/me").then().statusCode(400)
                .body("errors[0].field", equalTo("confirm"));
        as(aliceId.bearer()).body("{").delete("/api/v1/me").then().statusCode(400);
        assertThat(rowsOf(alice)).isEqualTo(before);

        JsonPath report = as(aliceId.bearer()).body("{\"confirm\":\"DELETE MY ACCOUNT\"}").delete("/api/v1/me")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("objects")).isGreaterThanOrEqualTo(3);

        assertThat(rowsOf(alice)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(storage.keys(ObjectStorage.userPrefix(alice))).isEmpty();
        assertThat(redisKeysNaming(alice)).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM account WHERE \"accountId\" = ?", aliceId.subject())).isZero();
        assertThat(rowsOf(bob)).isEqualTo(bobsBefore);
        assertThat(storage.keys(ObjectStorage.userPrefix(bob))).containsExactlyInAnyOrderElementsOf(bobsKeys);

        // the same token again: a new, empty user
        String fresh = as(aliceId.bearer()).get("/api/v1/me").then().statusCode(200).extract().path("id");
        assertThat(fresh).isNotEqualTo(alice);
        as(aliceId.bearer()).get("/api/v1/applications").then().statusCode(200).body("total", equalTo(0));
        given().contentType(ContentType.JSON).body("{\"confirm\":\"DELETE MY ACCOUNT\"}").delete("/api/v1/me").then()
                .statusCode(401);
    }

    List<String> redisKeysNaming(String userId) {
        List<String> out = new ArrayList<>();
        var cursor = redis.key().scan(new io.quarkus.redis.datasource.keys.KeyScanArgs().match("*" + userId + "*"));
        while (cursor.hasNext()) {
            out.addAll(cursor.next());
        }
        return out;
    }

    @Test
    void anExportHoldsAllOfAlicesRowsAndFilesAndNothingOfBobs() throws Exception {
        Tokens aliceId = Tokens.user();
        String alice = populate(aliceId);
        String bob = populate(Tokens.user());
        String bearer = aliceId.bearer();
        awaitExport(bearer);
        as(bearer).post("/api/v1/me/export").then().statusCode(202);
        awaitExport(bearer);

        JsonPath export = as(bearer).get("/api/v1/me/export").then().statusCode(200)
                .body("download_url", containsString("/users/" + alice + "/exports/"))
                .body("expires_at", not(equalTo(null))).extract().jsonPath();
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(export.getString("download_url"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);

        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        for (String[] table : ownedTables()) {
            assertThat(entries).containsKey("tables/" + table[0] + ".json");
        }
        assertThat(entries.get("tables/applications.json")).contains("Wonderland Labs").doesNotContain(bob);
        assertThat(entries.get("tables/user.json")).contains(alice);
        assertThat(entries.get("tables/session.json")).doesNotContain("\"token\"");
        assertThat(entries.get("tables/calendar_feeds.json")).doesNotContain("token_hash");
        assertThat(entries.get("csv/applications.csv")).startsWith("id,company_name,job_title")
                .contains("Wonderland Labs");
        assertThat(entries.get("csv/jobs.csv")).contains("Senior Backend Engineer");
        assertThat(entries.get("resume.json")).contains("\"basics\"").contains("Alice Liddell");
        assertThat(entries.keySet()).anyMatch(name -> name.startsWith("files/documents/") || name.startsWith("files/"))
                .noneMatch(name -> name.startsWith("files/exports/"));
        assertThat(entries.values()).anyMatch(content -> content.equals("my notes"));

        // Bob cannot see Alice's export; no token is 401
        given().get("/api/v1/me/export").then().statusCode(401);
        as(Tokens.user().bearer()).get("/api/v1/me/export").then().statusCode(404);
    }
}
