package io.atspro.analytics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnalyticsJobsTest {

    private static final String ADMIN = Tokens.admin().bearer();
    private static final String BASE = "/api/v1/admin/analytics";

    @Inject
    AnalyticsJobs jobs;

    static RequestSpecification admin() {
        return given().header("Authorization", ADMIN);
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        String user = Tokens.user().bearer();
        for (String job : new String[] {"partitions", "rollup", "refresh-stats"}) {
            given().header("Authorization", user).post(BASE + "/" + job).then().statusCode(403)
                    .contentType("application/problem+json");
            given().post(BASE + "/" + job).then().statusCode(401);
        }
        given().header("Authorization", user).get(BASE + "/overview").then().statusCode(403);
        given().get(BASE + "/overview").then().statusCode(401);
    }

    @Test
    void partitionsAreCreatedAheadAndEventsOfAMonthWithoutOneAreMovedOutOfTheDefault() throws Exception {
        admin().post(BASE + "/partitions").then().statusCode(200);
        // created ahead: this month and the next partitions-ahead (3) months; a second run creates nothing
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        for (int i = 0; i <= 3; i++) {
            assertThat(Db.text("SELECT to_regclass(?)::text", partition(month.plusMonths(i)))).isNotNull();
        }
        assertThat(admin().post(BASE + "/partitions").then().statusCode(200).extract().jsonPath()
                .getList("created")).isEmpty();

        // an event far ahead has no partition yet: the DEFAULT partition takes it
        String userId = AnalyticsData.userId(Tokens.user().bearer());
        LocalDate far = month.plusMonths(8);
        UUID event = UUID.randomUUID();
        Db.update("INSERT INTO analytics_events (id, user_id, event_type, occurred_at) VALUES (?, ?, 'test', ?)",
                event, userId, Timestamp.from(far.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC)));
        assertThat(Db.text("SELECT tableoid::regclass::text FROM analytics_events WHERE id = ?", event))
                .isEqualTo("analytics_events_default");
        // creating that month moves it into its partition
        assertThat(Db.count("SELECT count(*) FROM analytics_ensure_partitions(8)")).isGreaterThanOrEqualTo(1);
        assertThat(Db.text("SELECT tableoid::regclass::text FROM analytics_events WHERE id = ?", event))
                .isEqualTo(partition(far));
        assertThat(Db.count("SELECT count(*) FROM analytics_events WHERE id = ?", event)).isEqualTo(1);
    }

    private static String partition(LocalDate month) {
        return "analytics_events_y" + month.format(DateTimeFormatter.ofPattern("yyyy")) + "m"
                + month.format(DateTimeFormatter.ofPattern("MM"));
    }

    @Test
    void theRollupWritesOneRowPerActiveUserAndDayAndARerunChangesNothing() {
        String bearer = Tokens.user().bearer();
        String user = AnalyticsData.userId(bearer);
        LocalDate day = LocalDate.parse("2026-02-10");
        Instant morning = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        // applied on the day (then a day later screening): 2 submitted, 1 automated
        AnalyticsData.application(user, "Acme", morning, null, null, "applied", "screening");
        UUID automated = AnalyticsData.application(user, "Globex", morning, null, null, "applied");
        Db.update("UPDATE applications SET application_method = 'automated' WHERE id = ?", automated);
        // offered on the day (applied two days before), interviewing on the day (applied the day before)
        AnalyticsData.application(user, "Initech", morning.minusSeconds(2 * 86_400), null, null, "applied", "interviewing", "offered");
        AnalyticsData.application(user, "Umbrella", morning.minusSeconds(86_400), null, null, "applied", "interviewing");
        AnalyticsData.job(user, "url");
        Db.update("UPDATE jobs SET created_at = ? WHERE user_id = ?", Timestamp.from(morning), user);
        Db.update("INSERT INTO generated_content (user_id, content_type, content_text, created_at) VALUES (?, 'cover_letter', 'x', ?)",
                user, Timestamp.from(morning));

        JsonPath run = admin().queryParam("date", day.toString()).post(BASE + "/rollup").then().statusCode(200)
                .body("date", equalTo("2026-02-10")).body("users", greaterThanOrEqualTo(1)).extract().jsonPath();
        String row = "SELECT applications_submitted || ',' || jobs_discovered || ',' || resumes_generated || ',' || "
                + "cover_letters_generated || ',' || interviews_scheduled || ',' || offers_received || ',' || "
                + "coalesce(response_rate::text, 'null') || ',' || time_saved_minutes FROM user_analytics "
                + "WHERE user_id = ? AND metric_date = ?";
        // the 30 days to the day: 4 submitted; responses: Initech, Umbrella, and Acme's screening the next day
        // (known by the time of the rollup): 3 of 4
        assertThat(Db.text(row, user, day)).isEqualTo("2,1,0,1,1,1,0.7500,50");

        admin().queryParam("date", day.toString()).post(BASE + "/rollup").then().statusCode(200)
                .body("users", equalTo(run.getInt("users")));
        assertThat(Db.count("SELECT count(*) FROM user_analytics WHERE user_id = ?", user)).isEqualTo(1);
        assertThat(Db.text(row, user, day)).isEqualTo("2,1,0,1,1,1,0.7500,50");

        // a quiet day writes nothing for the user
        admin().queryParam("date", "2026-02-20").post(BASE + "/rollup").then().statusCode(200);
        assertThat(Db.count("SELECT count(*) FROM user_analytics WHERE user_id = ?", user)).isEqualTo(1);
        // the default day is yesterday
        admin().post(BASE + "/rollup").then().statusCode(200)
                .body("date", equalTo(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
    }

    @Test
    void theRollupRefusesBadDates() {
        admin().queryParam("date", "10/02/2026").post(BASE + "/rollup").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
        admin().queryParam("date", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()).post(BASE + "/rollup")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        admin().queryParam("top", 101).get(BASE + "/overview").then().statusCode(400);
    }

    @Test
    void aJobHeldByAnotherReplicaAnswers409AndRunsOnceItIsFree() throws Exception {
        for (String job : List.of("rollup", "partitions", "refresh-stats")) {
            try (Connection other = Db.connection()) {
                other.setAutoCommit(false);
                try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "atspro.job.analytics." + job);
                    lock.execute();
                }
                admin().post(BASE + "/" + job).then().statusCode(409).contentType("application/problem+json");
                boolean ran = switch (job) {
                    case "rollup" -> jobs.rollup(jobs.yesterday()).isPresent();
                    case "partitions" -> jobs.ensurePartitions().isPresent();
                    default -> jobs.refreshStats().isPresent();
                };
                assertThat(ran).as("%s ran while another replica held its lock", job).isFalse();
                other.rollback();
            }
            admin().post(BASE + "/" + job).then().statusCode(200);
        }
    }

    @Test
    void theOverviewReadsTheMaterializedViewAsOfItsLastRefresh() throws Exception {
        String user = AnalyticsData.userId(Tokens.user().bearer());
        for (int i = 0; i < 3; i++) {
            AnalyticsData.application(user, "Acme", Instant.now(), null, null, "applied", "interviewing");
        }
        AnalyticsData.application(user, "Acme", Instant.now(), null, null, "saved");
        assertThat(Db.count("SELECT count(*) FROM user_application_stats WHERE user_id = ?", user)).isZero();

        admin().post(BASE + "/refresh-stats").then().statusCode(200).body("users", greaterThanOrEqualTo(1));
        try (Connection c = Db.connection();
             PreparedStatement st = c.prepareStatement("SELECT total_applications, submitted_count, interview_count, "
                     + "responded_count FROM user_application_stats WHERE user_id = ?")) {
            st.setString(1, user);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                        .containsExactly(4L, 3L, 3L, 3L);
            }
        }
        long viewTotal = Db.count("SELECT sum(total_applications) FROM user_application_stats");
        JsonPath overview = admin().queryParam("top", 100).get(BASE + "/overview").then().statusCode(200).extract().jsonPath();
        assertThat(overview.getLong("total_applications")).isEqualTo(viewTotal);
        assertThat(overview.getLong("users")).isEqualTo(Db.count("SELECT count(*) FROM user_application_stats"));
        assertThat(overview.getString("refreshed_at")).isNotNull();
        assertThat(overview.getList("top_users")).isNotEmpty();
        assertThat(admin().queryParam("top", 0).get(BASE + "/overview").then().statusCode(200).extract().jsonPath()
                .getList("top_users")).isEmpty();
    }
}
