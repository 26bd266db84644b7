package io.atspro.analytics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.atspro.testing.Db;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardTest {

    private static final String[] STATUSES = {"saved", "applied", "screening", "interviewing", "offered", "accepted",
            "rejected", "withdrawn"};

    @Inject
    RedisDataSource redis;

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    /** Seed 001's dashboard query as written there, with only the status words of this schema. */
    private static final String SEED_001_WEEKLY = """
            SELECT
                DATE_TRUNC('week', created_at) as week,
                COUNT(*) as applications_count,
                COUNT(*) FILTER (WHERE status IN ('screening', 'interviewing', 'offered', 'accepted')) as positive_responses
            FROM applications
            WHERE user_id = ?
            GROUP BY week
            ORDER BY week DESC""";

    @Test
    void theWeeklyDashboardMatchesSeed001sQueryRunByHand() throws Exception {
        String bearer = Tokens.user().bearer();
        String userId = AnalyticsData.userId(bearer);
        Random random = new Random(6);
        Instant now = Instant.now();
        for (int i = 0; i < 300; i++) {
            // 20 weeks back, with a bias to recent weeks, some at week boundaries (Monday 00:00 UTC)
            Instant created = i % 25 == 0
                    ? LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY).minusWeeks(random.nextInt(20))
                            .atStartOfDay().toInstant(ZoneOffset.UTC)
                    : now.minus((long) (Math.pow(random.nextDouble(), 1.5) * 140 * 24 * 60), ChronoUnit.MINUTES);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            Db.update("INSERT INTO applications (user_id, company_name, job_title, status, created_at) "
                    + "VALUES (?, ?, 'Engineer', ?, ?)", userId, "Co " + random.nextInt(30), status, AnalyticsData.ts(created));
        }

        Map<LocalDate, long[]> byHand = new HashMap<>();
        try (Connection c = Db.connection(); Statement set = c.createStatement()) {
            set.execute("SET TIME ZONE 'UTC'");
            try (PreparedStatement st = c.prepareStatement(SEED_001_WEEKLY)) {
                st.setString(1, userId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        byHand.put(rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                                new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
        }
        assertThat(byHand).isNotEmpty();

        JsonPath weekly = as(bearer).queryParam("weeks", 26).get("/api/v1/analytics/weekly").then().statusCode(200)
                .body("weeks", equalTo(26)).extract().jsonPath();
        List<Map<String, Object>> items = weekly.getList("items");
        assertThat(items).hasSize(26);
        assertThat(weekly.getList("positive_statuses")).containsExactly("screening", "interviewing", "offered", "accepted");
        long total = 0;
        LocalDate previous = null;
        for (Map<String, Object> item : items) {
            LocalDate week = LocalDate.parse((String) item.get("week_start"));
            assertThat(week.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            if (previous != null) {
                assertThat(week).isEqualTo(previous.minusWeeks(1));
            }
            previous = week;
            long[] expected = byHand.getOrDefault(week, new long[2]);
            assertThat(((Number) item.get("applications")).longValue()).as("applications of %s", week).isEqualTo(expected[0]);
            assertThat(((Number) item.get("positive_responses")).longValue()).as("positive of %s", week).isEqualTo(expected[1]);
            total += expected[0];
        }
        // every week the seed query finds lies in the window, so the dashboard showed all 300 applications
        assertThat(total).isEqualTo(300);
        assertThat(byHand.values().stream().mapToLong(v -> v[0]).sum()).isEqualTo(300);

        // a shorter window is the head of the same series
        List<Map<String, Object>> four = as(bearer).queryParam("weeks", 4).get("/api/v1/analytics/weekly").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(four).isEqualTo(items.subList(0, 4));
    }

    @Test
    void outcomesBySourceCompanyAndResumeAndTheResponseRate() {
        String bearer = Tokens.user().bearer();
        String user = AnalyticsData.userId(bearer);
        UUID cv1 = AnalyticsData.resume(user, "Backend CV", 3);
        UUID cv2 = AnalyticsData.resume(user, "Generalist CV", 1);
        UUID fromUrl = AnalyticsData.job(user, "url");
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        // interviewed then rejected: still counts as an interview for cv1
        AnalyticsData.application(user, "Acme", t, cv1, fromUrl, "saved", "applied", "screening", "interviewing", "rejected");
        AnalyticsData.application(user, "ACME", t, cv1, null, "applied", "interviewing", "offered");
        AnalyticsData.application(user, "Globex", t, cv2, null, "applied", "rejected");
        AnalyticsData.application(user, "Globex", t, cv2, null, "applied");
        AnalyticsData.application(user, "Initech", t, null, null, "saved");

        as(bearer).get("/api/v1/analytics/pipeline").then().statusCode(200)
                .body("total", equalTo(5))
                .body("by_status.saved", equalTo(1)).body("by_status.applied", equalTo(1))
                .body("by_status.rejected", equalTo(2)).body("by_status.offered", equalTo(1))
                .body("by_status.accepted", equalTo(0)).body("by_status.in_progress", equalTo(0));

        // 4 submitted; responses: screening (a day after applying), interviewing (a day after), a rejection (no date)
        as(bearer).get("/api/v1/analytics/response-rate").then().statusCode(200)
                .body("applied", equalTo(4)).body("responded", equalTo(3)).body("interviews", equalTo(2))
                .body("offers", equalTo(1)).body("response_rate", equalTo(0.75f)).body("interview_rate", equalTo(0.5f))
                .body("avg_days_to_first_response", equalTo(1.0f)).body("since", equalTo(null));
        as(bearer).queryParam("since", "2026-04-01").get("/api/v1/analytics/response-rate").then().statusCode(200)
                .body("applied", equalTo(0)).body("response_rate", equalTo(null)).body("since", equalTo("2026-04-01"));

        JsonPath companies = as(bearer).get("/api/v1/analytics/by-company").then().statusCode(200).extract().jsonPath();
        assertThat(companies.getList("items.applications")).containsExactly(2, 2, 1);
        assertThat(companies.getList("items.key").get(0)).isIn("ACME", "Acme");
        assertThat(companies.getInt("items[0].interviews")).isEqualTo(2);
        assertThat(companies.getInt("items[0].offers")).isEqualTo(1);
        assertThat(companies.getString("items[1].key")).isEqualTo("Globex");
        assertThat(companies.getFloat("items[1].response_rate")).isEqualTo(0.5f);
        assertThat(as(bearer).queryParam("limit", 1).get("/api/v1/analytics/by-company").then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(1);

        JsonPath sources = as(bearer).get("/api/v1/analytics/by-source").then().statusCode(200).extract().jsonPath();
        assertThat(sources.getList("items.key")).containsExactly("direct", "url");
        assertThat(sources.getList("items.applications")).containsExactly(4, 1);
        assertThat(sources.getInt("items[1].interviews")).isEqualTo(1);

        JsonPath resumes = as(bearer).get("/api/v1/analytics/resume-versions").then().statusCode(200).extract().jsonPath();
        assertThat(resumes.getList("items.resume_id")).containsExactly(cv1.toString(), cv2.toString(), null);
        assertThat(resumes.getString("items[0].title")).isEqualTo("Backend CV");
        assertThat(resumes.getInt("items[0].version")).isEqualTo(3);
        assertThat(resumes.getInt("items[0].interviews")).isEqualTo(2);
        assertThat(resumes.getFloat("items[0].interview_rate")).isEqualTo(1.0f);
        assertThat(resumes.getInt("items[1].interviews")).isEqualTo(0);
        assertThat(resumes.getInt("items[2].applications")).isEqualTo(1);
        assertThat(resumes.getString("items[2].interview_rate")).isNull();
    }

    @Test
    void anotherUsersApplicationsNeverShow() {
        String alice = Tokens.user().bearer();
        String aliceId = AnalyticsData.userId(alice);
        AnalyticsData.application(aliceId, "Acme", Instant.now(), null, null, "applied");
        String bob = Tokens.user().bearer();
        as(bob).get("/api/v1/analytics/pipeline").then().statusCode(200).body("total", equalTo(0));
        as(bob).get("/api/v1/analytics/by-company").then().statusCode(200).body("items.size()", equalTo(0));
        as(bob).get("/api/v1/analytics/weekly").then().statusCode(200).body("items.applications", hasItem(0))
                .body("items.findAll { it.applications > 0 }.size()", equalTo(0));
    }

    @Test
    void aStatusChangeIsRecordedAndDropsTheCachedDashboards() {
        String bearer = Tokens.user().bearer();
        String user = AnalyticsData.userId(bearer);
        String location = as(bearer).contentType(ContentType.JSON)
                .body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\"}").post("/api/v1/applications")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        as(bearer).get("/api/v1/analytics/pipeline").then().statusCode(200).body("by_status.saved", equalTo(1));
        String key = DashboardCache.key(user);
        assertThat(redis.hash(String.class).hget(key, "pipeline")).contains("\"saved\":1");
        long ttl = redis.key().ttl(key);
        assertThat(ttl).isBetween(1L, 60L);

        as(bearer).contentType(ContentType.JSON).body("{\"status\":\"applied\"}").post(location + "/status")
                .then().statusCode(200);
        // dropped after the commit; the next read is fresh
        assertThat(redis.key().exists(key)).isFalse();
        as(bearer).get("/api/v1/analytics/pipeline").then().statusCode(200)
                .body("by_status.saved", equalTo(0)).body("by_status.applied", equalTo(1));

        assertThat(Db.count("SELECT count(*) FROM analytics_events WHERE user_id = ? AND event_type = "
                + "'application_status_changed' AND entity_type = 'application' AND entity_id = ? "
                + "AND data->>'from' = 'saved' AND data->>'to' = 'applied'", user, id)).isEqualTo(1);
        // an illegal move is not recorded
        as(bearer).contentType(ContentType.JSON).body("{\"status\":\"accepted\"}").post(location + "/status")
                .then().statusCode(409);
        assertThat(Db.count("SELECT count(*) FROM analytics_events WHERE entity_id = ?", id)).isEqualTo(1);
    }

    @Test
    void anInterviewEventKeepsTheResumeAndItsVersion() {
        String bearer = Tokens.user().bearer();
        String user = AnalyticsData.userId(bearer);
        UUID cv = AnalyticsData.resume(user, "CV", 4);
        String location = as(bearer).contentType(ContentType.JSON)
                .body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\",\"status\":\"applied\",\"resume_id\":\"" + cv + "\"}")
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        as(bearer).contentType(ContentType.JSON).body("{\"status\":\"interviewing\"}").post(location + "/status")
                .then().statusCode(200);
        assertThat(Db.text("SELECT data->>'resume_version' FROM analytics_events WHERE user_id = ? AND data->>'to' = 'interviewing' "
                + "AND data->>'resume_id' = ?", user, cv.toString())).isEqualTo("4");
    }

    @Test
    void badParametersAre400ProblemsAndNoTokenIs401() {
        String bearer = Tokens.user().bearer();
        for (String weeks : new String[] {"0", "105", "abc", "-1", "1.5"}) {
            as(bearer).queryParam("weeks", weeks).get("/api/v1/analytics/weekly").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(bearer).queryParam("weeks", 104).get("/api/v1/analytics/weekly").then().statusCode(200)
                .body("items.size()", equalTo(104));
        as(bearer).queryParam("since", "yesterday").get("/api/v1/analytics/response-rate").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        as(bearer).queryParam("since", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())
                .get("/api/v1/analytics/response-rate").then().statusCode(400).body("errors[0].field", equalTo("since"));
        as(bearer).queryParam("limit", 0).get("/api/v1/analytics/by-company").then().statusCode(400);
        as(bearer).queryParam("limit", 101).get("/api/v1/analytics/by-company").then().statusCode(400);
        for (String path : new String[] {"pipeline", "weekly", "response-rate", "by-source", "by-company", "resume-versions"}) {
            given().get("/api/v1/analytics/" + path).then().statusCode(401);
        }
    }

    @Test
    void dashboardsAnswerWhileRedisIsDown() {
        String bearer = Tokens.user().bearer();
        String user = AnalyticsData.userId(bearer);
        AnalyticsData.application(user, "Acme", Instant.now(), null, null, "applied");
        TestStack.get().redis().stop();
        try {
            for (String path : new String[] {"pipeline", "weekly", "response-rate", "by-source", "by-company", "resume-versions"}) {
                as(bearer).get("/api/v1/analytics/" + path).then().statusCode(200);
            }
            as(bearer).get("/api/v1/analytics/pipeline").then().statusCode(200).body("by_status.applied", equalTo(1));
        } finally {
            TestStack.get().redis().startAgain();
        }
    }
}
