package io.atspro.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.scraping.BoardPayloads;
import io.atspro.scraping.CatalogAdmin;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    NotificationJobs jobs;

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    static String streamUrl() {
        return "http://127.0.0.1:" + RestAssured.port + "/api/v1/notifications/stream";
    }

    static String application(String bearer, String company) {
        return as(bearer).body("{\"company_name\":\"" + company + "\",\"job_title\":\"Backend Engineer\"}")
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
    }

    static void move(String bearer, String application, String status) {
        as(bearer).body("{\"status\":\"" + status + "\"}").post(application + "/status").then().statusCode(200);
    }

    static JsonNode data(SseClient.Event event) throws Exception {
        return JSON.readTree(event.data());
    }

    @Test
    void aStatusChangeReachesTheOpenStreamWithinASecondAndAReconnectGetsWhatItMissed() throws Exception {
        String alice = Tokens.user().bearer();
        String app = application(alice, "Streamline");
        move(alice, app, "applied");
        long lastSeen;
        try (SseClient stream = SseClient.open(streamUrl(), alice, null)) {
            assertThat(stream.status).isEqualTo(200);
            Thread.sleep(200); // the stream is registered before the change
            long started = System.nanoTime();
            move(alice, app, "interviewing");
            SseClient.Event event = stream.next(Duration.ofSeconds(1));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(event).as("an event within 1 s").isNotNull();
            assertThat(tookMs).isLessThan(1000);
            assertThat(event.name()).isEqualTo("notification");
            JsonNode n = data(event);
            assertThat(n.get("type").asText()).isEqualTo("job_status_change");
            assertThat(n.get("title").asText()).isEqualTo("Interview stage at Streamline");
            assertThat(n.get("data").get("to").asText()).isEqualTo("interviewing");
            assertThat(event.id()).isEqualTo(n.get("seq").asText());
            lastSeen = Long.parseLong(event.id());
        }
        move(alice, app, "offered");
        move(alice, app, "accepted");
        try (SseClient stream = SseClient.open(streamUrl(), alice, Long.toString(lastSeen))) {
            SseClient.Event first = stream.next(Duration.ofSeconds(2));
            SseClient.Event second = stream.next(Duration.ofSeconds(2));
            assertThat(List.of(data(first).get("title").asText(), data(second).get("title").asText()))
                    .containsExactly("Offer from Streamline", "You accepted Streamline's offer");
            assertThat(data(first).get("priority").asText()).isEqualTo("high");
            assertThat(Long.parseLong(second.id())).isGreaterThan(Long.parseLong(first.id()));
            assertThat(stream.next(Duration.ofMillis(300))).isNull();
        }
        // Bob's stream never sees Alice's
        String bob = Tokens.user().bearer();
        try (SseClient stream = SseClient.open(streamUrl(), bob, "0")) {
            assertThat(stream.next(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void aTicketOpensTheStreamOnceWithoutATokenAndNeverReachesTheLog() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String alice = Tokens.user().bearer();
            String app = application(alice, "Ticketed");
            JsonPath issued = as(alice).post("/api/v1/notifications/stream-ticket").then().statusCode(201)
                    .header("Cache-Control", "no-store").extract().jsonPath();
            String ticket = issued.getString("ticket");
            assertThat(ticket).matches("[A-Za-z0-9_-]{43}");
            assertThat(issued.getString("stream_url")).isEqualTo("/api/v1/notifications/stream?ticket=" + ticket);
            assertThat(Instant.parse(issued.getString("expires_at"))).isAfter(Instant.now())
                    .isBefore(Instant.now().plusSeconds(31));
            String url = "http://127.0.0.1:" + RestAssured.port + issued.getString("stream_url");
            try (SseClient stream = SseClient.open(url, null, null)) {
                assertThat(stream.status).isEqualTo(200);
                Thread.sleep(200);
                move(alice, app, "applied");
                SseClient.Event event = stream.next(Duration.ofSeconds(2));
                assertThat(event).as("alice's notification on the ticket's stream").isNotNull();
                assertThat(data(event).get("title").asText()).contains("Ticketed");
            }
            // once only: the same ticket, or one never issued, opens nothing
            for (String used : List.of(ticket, "A".repeat(43), "short")) {
                given().accept("text/event-stream").queryParam("ticket", used).get("/api/v1/notifications/stream")
                        .then().statusCode(401).contentType("application/problem+json");
            }
            assertThat(logged).anyMatch(line -> line.contains("Refused a notification stream ticket"))
                    .noneMatch(line -> line.contains(ticket));
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void anExpiredTicketOpensNothing() throws Exception {
        String alice = Tokens.user().bearer();
        String ticket = as(alice).post("/api/v1/notifications/stream-ticket").then().statusCode(201)
                .extract().path("ticket");
        Db.update("UPDATE notification_stream_tickets SET expires_at = now() - interval '1 second' "
                + "WHERE ticket_hash = sha256(?::bytea)", ticket);
        given().accept("text/event-stream").queryParam("ticket", ticket).get("/api/v1/notifications/stream")
                .then().statusCode(401);
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        given().get("/api/v1/notifications/stream").then().statusCode(401);
        // 401 before the Accept header is looked at (it was 406)
        given().accept("application/json").get("/api/v1/notifications/stream").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().get("/api/v1/notifications").then().statusCode(401);
        try (SseClient stream = SseClient.open(streamUrl(), Tokens.user().bearer(), "not-a-number")) {
            assertThat(stream.status).isEqualTo(400);
        }
    }

    @Test
    void theListPagesCountsUnreadAndMarksRead() {
        String alice = Tokens.user().bearer();
        String app = application(alice, "Listful");
        move(alice, app, "applied");
        move(alice, app, "screening");
        move(alice, app, "interviewing");
        JsonPath list = as(alice).queryParam("size", 2).get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(3)).body("unread_count", equalTo(3)).body("items.size()", equalTo(2))
                .extract().jsonPath();
        assertThat(list.getList("items.title")).containsExactly("Interview stage at Listful",
                "Application to Listful: screening");
        String newest = list.getString("items[0].id");
        as(alice).post("/api/v1/notifications/" + newest + "/read").then().statusCode(200)
                .body("is_read", equalTo(true)).body("read_at", notNullValue());
        as(alice).get("/api/v1/notifications/unread-count").then().body("unread_count", equalTo(2));
        as(alice).queryParam("unread", "true").get("/api/v1/notifications").then().body("total", equalTo(2));
        as(alice).queryParam("type", "job_status_change").get("/api/v1/notifications").then().body("total", equalTo(3));
        as(alice).queryParam("type", "telegram").get("/api/v1/notifications").then().statusCode(400);
        as(alice).queryParam("size", 101).get("/api/v1/notifications").then().statusCode(400);

        String bob = Tokens.user().bearer();
        as(bob).post("/api/v1/notifications/" + newest + "/read").then().statusCode(404);
        as(bob).delete("/api/v1/notifications/" + newest).then().statusCode(404);
        as(bob).post("/api/v1/notifications/read-all").then().statusCode(200).body("updated", equalTo(0));
        as(alice).get("/api/v1/notifications/unread-count").then().body("unread_count", equalTo(2));

        as(alice).post("/api/v1/notifications/read-all").then().statusCode(200).body("updated", equalTo(2));
        as(alice).delete("/api/v1/notifications/" + newest).then().statusCode(204);
        as(alice).get("/api/v1/notifications").then().body("total", equalTo(2)).body("unread_count", equalTo(0));
        as(alice).post("/api/v1/notifications/" + UUID.randomUUID() + "/read").then().statusCode(404);
    }

    @Test
    void aTypeTurnedOffIsNotCreatedAndBadPreferencesChangeNothing() {
        String alice = Tokens.user().bearer();
        as(alice).get("/api/v1/me/notification-preferences").then().statusCode(200)
                .body("job_status_change_enabled", equalTo(true)).body("morning_briefing_time", equalTo("08:00"))
                .body("time_zone", equalTo("UTC")).body("digest_frequency", equalTo("daily"));
        as(alice).body("{\"job_status_change_enabled\":false,\"time_zone\":\"Europe/Berlin\"}")
                .patch("/api/v1/me/notification-preferences").then().statusCode(200)
                .body("job_status_change_enabled", equalTo(false)).body("time_zone", equalTo("Europe/Berlin"))
                .body("new_job_match_enabled", equalTo(true));
        String app = application(alice, "Silent");
        move(alice, app, "applied");
        as(alice).get("/api/v1/notifications").then().body("total", equalTo(0));

        for (String bad : List.of("{\"time_zone\":\"Mars/Olympus\"}", "{\"morning_briefing_time\":\"25:00\"}",
                "{\"digest_frequency\":\"hourly\"}", "{\"quiet_hours_start\":\"22:00\"}",
                "{\"email_enabled\":\"sometimes\"}", "{\"evening_update_time\":\"\"}", "{")) {
            as(alice).body(bad).patch("/api/v1/me/notification-preferences").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(alice).get("/api/v1/me/notification-preferences").then().body("time_zone", equalTo("Europe/Berlin"))
                .body("quiet_hours_start", equalTo(null)).body("digest_frequency", equalTo("daily"));
        given().get("/api/v1/me/notification-preferences").then().statusCode(401);
    }

    @Test
    void insideQuietHoursDeliveryWaitsUntilTheyEnd() throws Exception {
        String alice = Tokens.user().bearer();
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        as(alice).body("{\"quiet_hours_start\":\"" + now.minusHours(1) + "\",\"quiet_hours_end\":\""
                + now.plusHours(1) + "\"}").patch("/api/v1/me/notification-preferences").then().statusCode(200);
        String app = application(alice, "Hush");
        try (SseClient stream = SseClient.open(streamUrl(), alice, null)) {
            Thread.sleep(200);
            move(alice, app, "applied");
            assertThat(stream.next(Duration.ofMillis(1500))).as("nothing during quiet hours").isNull();
            as(alice).get("/api/v1/notifications").then().body("total", equalTo(0));
            String deliverAt = Db.text("SELECT deliver_at::text FROM notifications n JOIN \"user\" u ON u.id = n.user_id"
                    + " WHERE n.title = 'Application to Hush: applied'");
            assertThat(deliverAt).as("held until the quiet hours end").isNotNull();

            // the quiet hours end: the deliveries job sends it
            Db.update("UPDATE notifications SET deliver_at = now() - interval '1 second' "
                    + "WHERE title = 'Application to Hush: applied'");
            assertThat(jobs.deliverDue(Instant.now())).isGreaterThanOrEqualTo(1);
            SseClient.Event event = stream.next(Duration.ofSeconds(1));
            assertThat(event).isNotNull();
            assertThat(data(event).get("title").asText()).isEqualTo("Application to Hush: applied");
            as(alice).get("/api/v1/notifications").then().body("total", equalTo(1));
            assertThat(jobs.deliverDue(Instant.now())).as("delivered once").isZero();
        }
    }

    @Test
    void theMorningBriefingArrivesAtEightInTheUsersTimeZone() {
        String alice = Tokens.user().bearer();
        String next = as(alice).body("{\"time_zone\":\"Asia/Tokyo\",\"morning_briefing_time\":\"08:00\","
                        + "\"evening_update_enabled\":false}")
                .patch("/api/v1/me/notification-preferences").then().statusCode(200)
                .extract().path("next_morning_briefing_at");
        Instant eight = Instant.parse(next);
        ZonedDateTime tokyo = eight.atZone(ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(eight).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(24)));
        String app = application(alice, "Briefly");
        as(alice).body("{\"follow_up_date\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}")
                .patch(app).then().statusCode(200);

        assertThat(briefingsOf(alice)).isEmpty();
        jobs.briefings(eight.minusSeconds(60));
        assertThat(briefingsOf(alice)).as("not before 08:00").isEmpty();
        jobs.briefings(eight);
        List<String> briefings = briefingsOf(alice);
        assertThat(briefings).hasSize(1);
        assertThat(briefings.get(0)).contains("1 follow-up due").contains("new postings match");
        jobs.briefings(eight.plusSeconds(30));
        assertThat(briefingsOf(alice)).as("once a day").hasSize(1);
        as(alice).get("/api/v1/me/notification-preferences").then()
                .body("next_morning_briefing_at", equalTo(eight.plus(Duration.ofDays(1)).toString()));
    }

    static List<String> briefingsOf(String bearer) {
        return as(bearer).queryParam("type", "morning_briefing").get("/api/v1/notifications").then().statusCode(200)
                .extract().path("items.message");
    }

    @Test
    void aNewPostingMatchingASavedSearchNotifiesItsOwner() throws InterruptedException {
        String alice = Tokens.user().bearer();
        String word = BoardPayloads.uniqueWord();
        String search = as(alice).body("{\"search_name\":\"Elixir\",\"query\":\"" + word + "\"}")
                .post("/api/v1/searches").then().statusCode(201).extract().path("id");
        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyBoard(List.of(
                BoardPayloads.ashbyJob("Elixir Engineer " + word, "Lisbon", "Portugal", "Remote", "FullTime", null,
                        null, null, "2026-11-20T10:00:00Z", "BEAM."),
                BoardPayloads.ashbyJob("Accountant", "Lisbon", "Portugal", "OnSite", "FullTime", null, null, null,
                        "2026-11-20T10:00:00Z", "Ledgers."))));
        CatalogAdmin.run(CatalogAdmin.addSource("ashby", board, "Matchmaker"));

        // the run reads "succeeded" once its postings are committed; the match notifications are written right
        // after, by the same task: wait for them rather than race them
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (as(alice).queryParam("type", "new_job_match").get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getInt("total") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        JsonPath list = as(alice).queryParam("type", "new_job_match").get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(1)).extract().jsonPath();
        assertThat(list.getString("items[0].title")).isEqualTo("1 new job matches \"Elixir\"");
        assertThat(list.getString("items[0].message")).isEqualTo("Elixir Engineer " + word + " at Matchmaker");
        assertThat(list.getString("items[0].data.search_id")).isEqualTo(search);
        assertThat(list.getList("items[0].data.posting_ids")).hasSize(1);
    }

    @Test
    void remindersForFollowUpsInterviewsAndDeadlinesComeOnce() {
        String alice = Tokens.user().bearer();
        String app = application(alice, "Remindly");
        Instant interview = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        move(alice, app, "applied");
        as(alice).body("{\"follow_up_date\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"interview_dates\":[\""
                + interview + "\"]}").patch(app).then().statusCode(200);

        String board = BoardPayloads.uniqueWord();
        BoardPayloads.serveAshby(board, BoardPayloads.ashbyJobBoardOf("Closing Soon Analyst"));
        CatalogAdmin.run(CatalogAdmin.addSource("ashby", board, "Deadliner " + board));
        String posting = as(alice).queryParam("company", "Deadliner " + board).get("/api/v1/postings").then()
                .extract().path("items[0].id");
        Db.update("UPDATE job_postings SET expires_date = current_date + 2 WHERE id = ?::uuid", posting);
        as(alice).body("{\"posting_id\":\"" + posting + "\"}").post("/api/v1/applications").then().statusCode(201);

        jobs.reminders(Instant.now());
        jobs.reminders(Instant.now());
        JsonPath list = as(alice).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.type", String.class)).containsOnlyOnce("application_update",
                "interview_reminder", "application_deadline");
        assertThat(list.getList("items.title", String.class)).contains("Follow up with Remindly today",
                "Apply to Deadliner " + board + " by " + LocalDate.now(ZoneOffset.UTC).plusDays(2));
    }

    @Test
    void aReachedMilestoneIsNotifiedAndBriefingsShowGoalProgress() {
        String alice = Tokens.user().bearer();
        String goal = as(alice).body("{\"title\":\"Five a week\",\"goal_type\":\"applications_per_week\","
                + "\"target_metrics\":{\"target\":5}}").post("/api/v1/goals").then().statusCode(201)
                .extract().header("Location");
        as(alice).body("{\"title\":\"First one out\",\"target_value\":1}").post(goal + "/milestones").then()
                .statusCode(201);
        move(alice, application(alice, "Goalpost"), "applied");

        JsonPath list = as(alice).queryParam("type", "goal_milestone").get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(1)).extract().jsonPath();
        assertThat(list.getString("items[0].title")).isEqualTo("Milestone reached: First one out");

        String next = as(alice).body("{\"time_zone\":\"America/New_York\"}")
                .patch("/api/v1/me/notification-preferences").then().statusCode(200)
                .extract().path("next_evening_update_at");
        jobs.briefings(Instant.parse(next));
        String update = as(alice).queryParam("type", "evening_update").get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(1)).extract().path("items[0].message");
        assertThat(update).contains("Five a week: 1/5 (20 %)");
    }

    @Test
    void theCalendarFeedIsReadableBySecretUrlUntilRotatedOrRevoked() {
        String alice = Tokens.user().bearer();
        String app = application(alice, "Calendaria");
        move(alice, app, "applied");
        as(alice).body("{\"follow_up_date\":\"2026-12-01\",\"interview_dates\":[\"2026-12-03T14:00:00Z\"]}")
                .patch(app).then().statusCode(200);
        as(alice).get("/api/v1/me/calendar-feed").then().statusCode(200).body("active", equalTo(false));
        String url = as(alice).post("/api/v1/me/calendar-feed").then().statusCode(200).body("active", equalTo(true))
                .extract().path("url");
        String path = url.substring(url.indexOf("/api/v1/"));

        String ics = given().get(path).then().statusCode(200).contentType(containsString("text/calendar"))
                .extract().asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("SUMMARY:Interview: Backend Engineer at Calendaria\r\n")
                .contains("DTSTART:20261203T140000Z\r\n", "DTEND:20261203T150000Z\r\n")
                .contains("SUMMARY:Follow up: Backend Engineer at Calendaria\r\n")
                .contains("DTSTART;VALUE=DATE:20261201\r\n");
        assertThat(ics.lines()).allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        as(alice).get("/api/v1/me/calendar-feed").then().body("active", equalTo(true)).body("url", equalTo(null));

        String rotated = as(alice).post("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        given().get(path).then().statusCode(404);
        given().get(rotated.substring(rotated.indexOf("/api/v1/"))).then().statusCode(200);
        as(alice).delete("/api/v1/me/calendar-feed").then().statusCode(204);
        given().get(rotated.substring(rotated.indexOf("/api/v1/"))).then().statusCode(404);
        as(alice).delete("/api/v1/me/calendar-feed").then().statusCode(404);
        given().get("/api/v1/calendar/" + "x".repeat(43) + ".ics").then().statusCode(404);
        given().post("/api/v1/me/calendar-feed").then().statusCode(401);
    }

    @Test
    void adminsAnnounceAndRunTheSchedules() {
        String admin = CatalogAdmin.bearer();
        String alice = Tokens.user().bearer();
        as(alice).get("/api/v1/me").then().statusCode(200);
        as(admin).body("{\"title\":\"Maintenance tonight\",\"message\":\"From 22:00 UTC.\"}")
                .post("/api/v1/admin/notifications/announcements").then().statusCode(200)
                .body("notified", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        as(alice).queryParam("type", "system_announcement").get("/api/v1/notifications").then()
                .body("items.title", hasItem("Maintenance tonight"));
        as(admin).body("{\"title\":\"\"}").post("/api/v1/admin/notifications/announcements").then().statusCode(400);
        as(alice).body("{\"title\":\"x\",\"message\":\"y\"}").post("/api/v1/admin/notifications/announcements")
                .then().statusCode(403);
        as(admin).post("/api/v1/admin/notifications/jobs/all").then().statusCode(200)
                .body("delivered", notNullValue()).body("reminders", notNullValue()).body("briefings", notNullValue());
        as(admin).post("/api/v1/admin/notifications/jobs/everything").then().statusCode(400);
        as(alice).post("/api/v1/admin/notifications/jobs/reminders").then().statusCode(403);
    }
}
