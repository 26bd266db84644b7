package io.atspro.goal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GoalTest {

    private static final String GOALS = "/api/v1/goals";

    /** Stands in for the notification feature, which turns reached milestones into notifications. */
    @ApplicationScoped
    static class Reached {
        static final List<MilestoneReached> SEEN = new CopyOnWriteArrayList<>();

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) MilestoneReached event) {
            SEEN.add(event);
        }

        static List<MilestoneReached> of(String goalLocation) {
            UUID goal = UUID.fromString(goalLocation.substring(goalLocation.lastIndexOf('/') + 1));
            return SEEN.stream().filter(e -> e.goalId().equals(goal)).toList();
        }
    }

    @Inject
    GoalService goalService;

    static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    static String goal(String bearer, String type, int target) {
        return as(bearer).body("{\"title\":\"My " + type + "\",\"goal_type\":\"" + type
                        + "\",\"target_metrics\":{\"target\":" + target + "}}")
                .post(GOALS).then().statusCode(201).extract().header("Location");
    }

    static String milestone(String bearer, String goal, String title, Integer targetValue) {
        return as(bearer).body("{\"title\":\"" + title + "\"" + (targetValue == null ? "" : ",\"target_value\":" + targetValue) + "}")
                .post(goal + "/milestones").then().statusCode(201).extract().header("Location");
    }

    /** A new application, {@code saved} or {@code applied} now; its location. */
    static String application(String bearer, String status) {
        return as(bearer).body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\",\"status\":\"" + status + "\"}")
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
    }

    static void move(String bearer, String application, String status) {
        as(bearer).body("{\"status\":\"" + status + "\"}").post(application + "/status").then().statusCode(200);
    }

    static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aGoalOfFiveApplicationsAWeekShowsThreeOfFiveAfterThree() {
        String alice = Tokens.user().bearer();
        String goal = goal(alice, "applications_per_week", 5);
        String three = milestone(alice, goal, "Three this week", 3);
        as(alice).get(goal).then().statusCode(200).body("progress.current", equalTo(0))
                .body("progress.target", equalTo(5)).body("progress.percent", equalTo(0));

        application(alice, "applied");
        application(alice, "applied");
        application(alice, "saved"); // not applied: does not count
        application(alice, "applied");

        JsonPath body = as(alice).get(goal).then().statusCode(200)
                .body("progress.current", equalTo(3)).body("progress.target", equalTo(5))
                .body("progress.percent", equalTo(60)).body("status", equalTo("active"))
                .body("target_metrics.target", equalTo(5)).body("time_zone", equalTo("UTC"))
                .extract().jsonPath();
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(body.getString("progress.window_start")).isEqualTo(monday.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        assertThat(body.getString("progress.window_end")).isEqualTo(monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        assertThat(body.getList("milestones.is_completed")).containsExactly(true);
        assertThat(body.getString("milestones[0].completed_at")).isNotNull();

        List<MilestoneReached> events = Reached.of(goal);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).milestoneId()).isEqualTo(UUID.fromString(id(three)));
        assertThat(events.get(0).title()).isEqualTo("Three this week");

        as(alice).get(goal).then().statusCode(200);
        assertThat(Reached.of(goal)).as("a milestone is reached once").hasSize(1);
        assertThat(as(alice).get(GOALS).then().statusCode(200).extract().jsonPath().getList("items.progress.current"))
                .containsExactly(3);
    }

    @Test
    void statusChangesCompleteMilestonesWithoutAnyoneReadingTheGoal() {
        String alice = Tokens.user().bearer();
        String goal = goal(alice, "applications_per_week", 2);
        String first = milestone(alice, goal, "First", 1);
        String a = application(alice, "saved");
        String b = application(alice, "saved");

        move(alice, a, "applied");
        assertThat(Db.text("SELECT is_completed::text FROM milestones WHERE id = ?::uuid", id(first))).isEqualTo("true");
        assertThat(Db.text("SELECT completed_at::text FROM milestones WHERE id = ?::uuid", id(first))).isNotNull();
        assertThat(Reached.of(goal)).extracting(MilestoneReached::milestoneId).containsExactly(UUID.fromString(id(first)));

        move(alice, b, "applied");
        List<MilestoneReached> events = Reached.of(goal);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).milestoneId()).as("the goal itself").isNull();
        assertThat(events.get(1).title()).isEqualTo("My applications_per_week");
        as(alice).get(goal).then().statusCode(200).body("status", equalTo("active"))
                .body("progress.current", equalTo(2)).body("progress.percent", equalTo(100))
                .body("progress_data.weeks_met.size()", equalTo(1));
        assertThat(Reached.of(goal)).as("the week is met once").hasSize(2);
    }

    @Test
    void anInterviewsGoalCountsMovesToInterviewingInItsWindow() {
        String alice = Tokens.user().bearer();
        String before = application(alice, "applied");
        move(alice, before, "interviewing"); // before the goal existed: outside its window

        String goal = goal(alice, "interviews", 2);
        String offers = goal(alice, "offers", 1);
        String first = milestone(alice, goal, "First interview", 1);
        as(alice).get(goal).then().body("progress.current", equalTo(0)).body("progress.window_end", nullValue());

        String a = application(alice, "applied");
        move(alice, a, "interviewing");
        move(alice, a, "offered"); // still one interview
        as(alice).get(goal).then().statusCode(200).body("progress.current", equalTo(1))
                .body("progress.percent", equalTo(50)).body("status", equalTo("active"))
                .body("milestones[0].is_completed", equalTo(true));
        assertThat(Reached.of(goal)).extracting(MilestoneReached::milestoneId).containsExactly(UUID.fromString(id(first)));
        as(alice).get(offers).then().body("progress.current", equalTo(1)).body("status", equalTo("completed"))
                .body("completed_at", notNullValue());

        String b = application(alice, "applied");
        move(alice, b, "screening");
        move(alice, b, "interviewing");
        as(alice).get(goal).then().statusCode(200).body("progress.current", equalTo(2))
                .body("status", equalTo("completed")).body("completed_at", notNullValue());
        assertThat(Reached.of(goal)).hasSize(2);
        assertThat(Reached.of(goal).get(1).milestoneId()).isNull();

        as(alice).body("{\"target_metrics\":{\"target\":5}}").patch(goal).then().statusCode(409)
                .contentType("application/problem+json");
        as(alice).body("{\"status\":\"active\"}").patch(goal).then().statusCode(409);
        as(alice).body("{\"title\":\"Two interviews\"}").patch(goal).then().statusCode(200)
                .body("title", equalTo("Two interviews"));
    }

    @Test
    void aCustomGoalMovesByHand() {
        String alice = Tokens.user().bearer();
        String goal = as(alice).body("{\"title\":\"Read books\",\"goal_type\":\"custom\",\"target_metrics\":{\"target\":10},"
                        + "\"current\":2,\"target_date\":\"2099-12-31\",\"starts_on\":\"2020-01-01\",\"time_zone\":\"Europe/Lisbon\"}")
                .post(GOALS).then().statusCode(201).body("progress.current", equalTo(2))
                .body("progress.percent", equalTo(20)).body("time_zone", equalTo("Europe/Lisbon"))
                .body("progress.window_start", equalTo("2020-01-01T00:00:00Z"))
                .body("progress.window_end", equalTo("2100-01-01T00:00:00Z"))
                .extract().header("Location");
        String half = milestone(alice, goal, "Half way", 5);
        String checklist = milestone(alice, goal, "Pick a reading list", null);

        as(alice).body("{\"current\":5}").patch(goal).then().statusCode(200).body("progress.current", equalTo(5))
                .body("progress.percent", equalTo(50)).body("milestones.is_completed", equalTo(List.of(true, false)));
        as(alice).post(checklist + "/complete").then().statusCode(200).body("is_completed", equalTo(true))
                .body("completed_at", notNullValue());
        as(alice).post(checklist + "/complete").then().statusCode(409).contentType("application/problem+json");
        as(alice).post(half + "/complete").then().statusCode(409);
        assertThat(Reached.of(goal)).extracting(MilestoneReached::milestoneId)
                .containsExactly(UUID.fromString(id(half)), UUID.fromString(id(checklist)));

        as(alice).body("{\"current\":10}").patch(goal).then().statusCode(200).body("status", equalTo("completed"))
                .body("progress.percent", equalTo(100));
        assertThat(Reached.of(goal)).hasSize(3);
        as(alice).body("{\"current\":11}").patch(goal).then().statusCode(409);

        String declared = goal(alice, "custom", 4);
        as(alice).body("{\"status\":\"completed\"}").patch(declared).then().statusCode(200)
                .body("status", equalTo("completed")).body("completed_at", notNullValue());
        assertThat(Reached.of(declared)).extracting(MilestoneReached::milestoneId).containsExactly((UUID) null);

        String weekly = goal(alice, "applications_per_week", 3);
        as(alice).body("{\"current\":1}").patch(weekly).then().statusCode(400)
                .body("errors.field", hasItem("current"));
    }

    @Test
    void abandoningAndReopening() {
        String alice = Tokens.user().bearer();
        String goal = goal(alice, "offers", 2);
        String checklist = milestone(alice, goal, "Polish the resume", null);
        String counted = milestone(alice, goal, "First offer", 1);
        as(alice).post(counted + "/complete").then().statusCode(409)
                .body("detail", containsString("completes itself"));
        as(alice).body("{\"status\":\"completed\"}").patch(goal).then().statusCode(409);

        as(alice).body("{\"status\":\"abandoned\"}").patch(goal).then().statusCode(200).body("status", equalTo("abandoned"));
        as(alice).body("{\"target_metrics\":{\"target\":3}}").patch(goal).then().statusCode(409)
                .body("detail", containsString("reopen"));
        as(alice).body("{\"title\":\"x\"}").post(goal + "/milestones").then().statusCode(409);
        as(alice).post(checklist + "/complete").then().statusCode(409);
        as(alice).get(goal).then().body("target_metrics.target", equalTo(2));

        as(alice).body("{\"status\":\"active\",\"target_metrics\":{\"target\":3},\"description\":\"Be picky\"}")
                .patch(goal).then().statusCode(200).body("status", equalTo("active"))
                .body("target_metrics.target", equalTo(3)).body("description", equalTo("Be picky"));
        as(alice).body("{\"description\":null}").patch(goal).then().statusCode(200).body("description", nullValue())
                .body("title", equalTo("My offers"));
        as(alice).post(checklist + "/complete").then().statusCode(200);

        as(alice).delete(checklist).then().statusCode(204);
        as(alice).get(goal).then().body("milestones.size()", equalTo(1));
        as(alice).delete(goal).then().statusCode(204);
        as(alice).get(goal).then().statusCode(404);
        assertThat(Db.count("SELECT count(*) FROM milestones WHERE id = ?::uuid", id(counted))).isZero();
    }

    @Test
    void badGoalsAre400AndStoreNothing() {
        String alice = Tokens.user().bearer();
        long goals = Db.count("SELECT count(*) FROM goals");
        for (String bad : List.of("{", "[]", "{}",
                "{\"goal_type\":\"offers\",\"target_metrics\":{\"target\":1}}",
                "{\"title\":\"x\",\"target_metrics\":{\"target\":1}}",
                "{\"title\":\"x\",\"goal_type\":\"offers\"}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{}}",
                "{\"title\":\"x\",\"goal_type\":\"promotions\",\"target_metrics\":{\"target\":1}}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":0}}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":-3}}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":\"five\"}}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":5}",
                "{\"title\":7,\"goal_type\":\"offers\",\"target_metrics\":{\"target\":1},\"extra\":true}",
                "{\"title\":\"  \",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":1}}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":1},\"time_zone\":\"Mars/Olympus\"}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":1},\"target_date\":\"yesterday\"}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":1},"
                        + "\"starts_on\":\"2030-02-01\",\"target_date\":\"2030-01-01\"}",
                "{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":1},\"current\":3}")) {
            as(alice).body(bad).post(GOALS).then().statusCode(400).contentType("application/problem+json");
        }
        as(alice).body("{\"title\":\"x\",\"goal_type\":\"promotions\",\"target_metrics\":{\"target\":1}}").post(GOALS)
                .then().statusCode(400).body("errors.field", hasItem("goal_type"));
        as(alice).body("{\"title\":\"x\",\"goal_type\":\"offers\",\"target_metrics\":{\"target\":0}}").post(GOALS)
                .then().statusCode(400).body("errors.field", hasItem("target_metrics.target"));
        assertThat(Db.count("SELECT count(*) FROM goals")).isEqualTo(goals);

        String goal = goal(alice, "interviews", 4);
        long milestones = Db.count("SELECT count(*) FROM milestones");
        for (String bad : List.of("{", "{}", "{\"title\":\"\"}", "{\"title\":\"x\",\"target_value\":0}",
                "{\"title\":\"x\",\"target_value\":5}", "{\"title\":\"x\",\"target_value\":\"two\"}",
                "{\"title\":\"x\",\"metadata\":[1]}", "{\"title\":\"x\",\"colour\":\"red\"}")) {
            as(alice).body(bad).post(goal + "/milestones").then().statusCode(400).contentType("application/problem+json");
        }
        assertThat(Db.count("SELECT count(*) FROM milestones")).isEqualTo(milestones);

        String m = milestone(alice, goal, "Two", 2);
        for (String bad : List.of("{", "{\"target_metrics\":{\"target\":0}}", "{\"target_metrics\":null}",
                "{\"goal_type\":\"offers\"}", "{\"status\":\"paused\"}", "{\"title\":null}", "{\"nope\":1}",
                "{\"title\":\"ok\",\"target_date\":\"2000-01-01\",\"starts_on\":\"2001-01-01\"}",
                "{\"title\":\"changed\",\"time_zone\":\"Nowhere\"}")) {
            as(alice).body(bad).patch(goal).then().statusCode(400).contentType("application/problem+json");
        }
        for (String bad : List.of("{\"target_value\":0}", "{\"target_value\":9}", "{\"title\":null}", "{\"x\":1}")) {
            as(alice).body(bad).patch(m).then().statusCode(400);
        }
        as(alice).get(goal).then().body("title", equalTo("My interviews")).body("target_metrics.target", equalTo(4))
                .body("goal_type", equalTo("interviews")).body("milestones[0].target_value", equalTo(2));
        as(alice).queryParam("size", "101").get(GOALS).then().statusCode(400);
    }

    @Test
    void anotherUsersGoalIs404AndChangesNothing() {
        String alice = Tokens.user().bearer();
        String bob = Tokens.user().bearer();
        String goal = goal(alice, "custom", 3);
        String m = milestone(alice, goal, "Mine", null);

        as(bob).get(goal).then().statusCode(404).contentType("application/problem+json");
        as(bob).body("{\"title\":\"Stolen\"}").patch(goal).then().statusCode(404);
        as(bob).delete(goal).then().statusCode(404);
        as(bob).body("{\"title\":\"x\"}").post(goal + "/milestones").then().statusCode(404);
        as(bob).body("{\"title\":\"x\"}").patch(m).then().statusCode(404);
        as(bob).post(m + "/complete").then().statusCode(404);
        as(bob).delete(m).then().statusCode(404);
        assertThat(as(bob).get(GOALS).then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();

        String otherGoal = goal(alice, "custom", 3);
        as(alice).post(otherGoal + "/milestones/" + id(m) + "/complete").then().statusCode(404);
        as(alice).get(GOALS + "/" + UUID.randomUUID()).then().statusCode(404);
        as(alice).get(goal).then().statusCode(200).body("title", equalTo("My custom"))
                .body("milestones[0].is_completed", equalTo(false));

        given().get(GOALS).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post(GOALS).then().statusCode(401);
        given().get(goal).then().statusCode(401);
    }

    @Test
    void listsArePagedNewestFirstAndBriefingsSeeActiveProgress() {
        Tokens token = Tokens.user();
        String alice = token.bearer();
        String userId = as(alice).get("/api/v1/me").then().statusCode(200).extract().path("id");
        String weekly = goal(alice, "applications_per_week", 4);
        String custom = goal(alice, "custom", 2);
        String abandoned = goal(alice, "offers", 1);
        as(alice).body("{\"status\":\"abandoned\"}").patch(abandoned).then().statusCode(200);
        application(alice, "applied");

        JsonPath page = as(alice).queryParam("size", "2").get(GOALS).then().statusCode(200)
                .body("total", equalTo(3)).body("size", equalTo(2)).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(id(abandoned), id(custom));
        assertThat(as(alice).queryParam("size", "2").queryParam("page", "1").get(GOALS).then().statusCode(200)
                .extract().jsonPath().getList("items.id")).containsExactly(id(weekly));

        List<GoalProgress> progress = goalService.activeProgress(userId);
        assertThat(progress).extracting(GoalProgress::goalId)
                .containsExactly(UUID.fromString(id(custom)), UUID.fromString(id(weekly)));
        assertThat(progress.get(1)).isEqualTo(new GoalProgress(UUID.fromString(id(weekly)), "My applications_per_week",
                "applications_per_week", 1, 4, 25));
        assertThat(Instant.now()).isNotNull();
    }
}
