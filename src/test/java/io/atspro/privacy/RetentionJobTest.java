package io.atspro.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.atspro.shared.ClusterLock;
import io.atspro.storage.ObjectStorage;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A simulated week of retention: rows are written with timestamps relative to T0, the job runs once a simulated
 * day from T0 to T0 + 7 days, and afterwards exactly the rows the rules name are gone (or archived) and every
 * other row is still there. Table by table.
 */
@QuarkusTest
class RetentionJobTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    RetentionJob retention;

    @Inject
    ObjectStorage storage;

    private static String userId(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static OffsetDateTime at(Instant t0, long days) {
        return t0.plus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    }

    private static String insert(String sql, Object... params) {
        return Db.text(sql + " RETURNING id::text", params);
    }

    private static boolean exists(String table, String id) {
        return Db.count("SELECT count(*) FROM " + table + " WHERE id = ?::uuid", id) == 1;
    }

    // --- builders: one row each, DEFAULT_* values elsewhere

    private static String posting(String companyId, boolean active, OffsetDateTime closedAt, OffsetDateTime lastSeen) {
        String ext = UUID.randomUUID().toString();
        return insert("""
                INSERT INTO job_postings (company_id, source_platform, external_id, title, company_name, description,
                    source_url, posted_at, is_active, closed_at, last_seen_at, first_seen_at, content_hash, dedup_key)
                VALUES (?::uuid, 'greenhouse', ?, 'Retention Engineer', 'Retention Co', 'Keeps things tidy',
                    'https://boards.example.com/' || ?, ?, ?, ?, ?, ?, 'hash', 'dedup')""",
                companyId, ext, ext, lastSeen.minusDays(30), active, closedAt, lastSeen, lastSeen.minusDays(30));
    }

    private static String browserSession(String userId, OffsetDateTime created, OffsetDateTime lastUsed, OffsetDateTime expires) {
        return insert("""
                INSERT INTO browser_sessions (user_id, platform, cookies, created_at, updated_at, last_used_at, expires_at)
                VALUES (?, 'linkedin', 'v1:test2:AAAA', ?, ?, ?, ?)""", userId, created, created, lastUsed, expires);
    }

    private static String task(String userId, String status, OffsetDateTime completed, OffsetDateTime expires,
            OffsetDateTime scheduled) {
        return insert("""
                INSERT INTO tasks (user_id, task_type, status, payload, scheduled_at, completed_at, expires_at, progress)
                VALUES (?, 'retention_probe', ?, '{"probe": true}'::jsonb, ?, ?, ?, 100)""",
                userId, status, scheduled, completed, expires);
    }

    private static String notification(String userId, OffsetDateTime expires) {
        return insert("""
                INSERT INTO notifications (user_id, type, title, message, expires_at, delivered_at)
                VALUES (?, 'system_announcement', 'Hello', 'A message', ?, now())""", userId, expires);
    }

    @Test
    void aSimulatedWeekRemovesExactlyWhatTheRulesSay() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // first clear what earlier tests left that the week would catch, so the week's counts are this test's alone
        retention.run(t0.plus(Duration.ofDays(8)), "admin").orElseThrow();

        String user = userId(Tokens.user().bearer());
        String company = insert("INSERT INTO companies (name, normalized_name) VALUES ('Retention Co', ?)",
                "retention-co-" + UUID.randomUUID());

        // job postings: inactive for over a year go, unless an application or a tracked job points at them
        String postingOld = posting(company, false, at(t0, -400), at(t0, -401));
        String postingNearlyYear = posting(company, false, at(t0, -362), at(t0, -363)); // a year old on day 3
        String postingRecent = posting(company, false, at(t0, -300), at(t0, -300));
        String postingActiveOld = posting(company, true, null, at(t0, -400));
        String postingNeverClosed = posting(company, false, null, at(t0, -380)); // closed_at unknown: last seen counts
        String postingApplied = posting(company, false, at(t0, -500), at(t0, -500));
        String postingTracked = posting(company, false, at(t0, -500), at(t0, -500));
        Db.update("INSERT INTO applications (user_id, posting_id, company_name, job_title) VALUES (?, ?::uuid, 'Retention Co', 'Eng')",
                user, postingApplied);
        Db.update("INSERT INTO jobs (user_id, posting_id, source_type, status) VALUES (?, ?::uuid, 'catalog', 'completed')",
                user, postingTracked);

        // browser sessions: expired ones, and ones unused for 30 days, go
        String sessionIdle40 = browserSession(user, at(t0, -60), at(t0, -40), at(t0, 300));
        String sessionIdle25 = browserSession(user, at(t0, -60), at(t0, -25), at(t0, 300)); // 30 days idle on day 5
        String sessionNeverUsed = browserSession(user, at(t0, -31), null, at(t0, 300));
        String sessionExpiring = browserSession(user, at(t0, -2), at(t0, -1), at(t0, 3));
        String sessionFresh = browserSession(user, at(t0, -10), at(t0, -1), at(t0, 300));

        // tasks: completed over six months ago move to the archive; finished ones past their expiry go
        String taskArchive = task(user, "completed", at(t0, -200), null, at(t0, -201));
        String taskArchiveDay5 = task(user, "completed", at(t0, -177), null, at(t0, -178));
        String taskCompletedRecent = task(user, "completed", at(t0, -100), null, at(t0, -101));
        String taskFailedOld = task(user, "failed", at(t0, -200), null, at(t0, -201));
        String taskExpiring = task(user, "completed", at(t0, -1), at(t0, 6), at(t0, -2));
        String taskCancelledLater = task(user, "cancelled", at(t0, 0), at(t0, 10), at(t0, -1));
        String taskPending = task(user, "pending", null, null, at(t0, 365)); // not due: no worker claims it

        // notifications: expired ones go
        String notificationExpired = notification(user, at(t0, -1));
        String notificationExpiring = notification(user, at(t0, 3));
        String notificationLater = notification(user, at(t0, 30));
        String notificationForever = notification(user, null);

        // S3: objects no row points at go once a day old; referenced ones stay
        String prefix = ObjectStorage.userPrefix(user) + "documents/";
        String orphanKey = prefix + "orphan-" + UUID.randomUUID() + ".txt";
        String keptKey = prefix + "kept-" + UUID.randomUUID() + ".txt";
        storage.put(orphanKey, "nobody points at me".getBytes(), "text/plain");
        storage.put(keptKey, "a document row points at me".getBytes(), "text/plain");
        Db.update("""
                INSERT INTO documents (user_id, kind, filename, content_type, size_bytes, sha256, storage_key)
                VALUES (?, 'other', 'kept.txt', 'text/plain', 27, 'x', ?)""", user, keptKey);

        // day 0: only what is already past its window
        RetentionRunView day0 = retention.run(t0, "admin").orElseThrow();
        assertThat(day0.status()).isEqualTo("completed");
        assertThat(day0.asOf()).isEqualTo(t0);
        assertThat(exists("job_postings", postingOld)).isFalse();
        assertThat(exists("job_postings", postingNearlyYear)).isTrue();
        assertThat(exists("browser_sessions", sessionIdle40)).isFalse();
        assertThat(exists("browser_sessions", sessionIdle25)).isTrue();
        assertThat(exists("tasks", taskArchive)).isFalse();
        assertThat(exists("tasks", taskArchiveDay5)).isTrue();
        assertThat(exists("notifications", notificationExpired)).isFalse();
        assertThat(storage.keys(prefix)).contains(orphanKey, keptKey); // the orphan is younger than a day

        List<RetentionRunView> week = new ArrayList<>(List.of(day0));
        for (int day = 1; day <= 7; day++) {
            week.add(retention.run(t0.plus(DAY.multipliedBy(day)), "schedule").orElseThrow());
        }

        // postings
        assertThat(exists("job_postings", postingOld)).isFalse();
        assertThat(exists("job_postings", postingNearlyYear)).isFalse();
        assertThat(exists("job_postings", postingNeverClosed)).isFalse();
        assertThat(exists("job_postings", postingRecent)).isTrue();
        assertThat(exists("job_postings", postingActiveOld)).isTrue();
        assertThat(exists("job_postings", postingApplied)).isTrue();
        assertThat(exists("job_postings", postingTracked)).isTrue();
        assertThat(Db.count("SELECT count(*) FROM applications WHERE posting_id = ?::uuid", postingApplied)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM jobs WHERE posting_id = ?::uuid", postingTracked)).isEqualTo(1);

        // browser sessions
        assertThat(exists("browser_sessions", sessionIdle40)).isFalse();
        assertThat(exists("browser_sessions", sessionIdle25)).isFalse();
        assertThat(exists("browser_sessions", sessionNeverUsed)).isFalse();
        assertThat(exists("browser_sessions", sessionExpiring)).isFalse();
        assertThat(exists("browser_sessions", sessionFresh)).isTrue();

        // tasks: archived with the same id and contents; expired ones gone without a trace; the rest untouched
        for (String archived : List.of(taskArchive, taskArchiveDay5)) {
            assertThat(exists("tasks", archived)).isFalse();
            assertThat(Db.text("SELECT status || ' ' || (payload ->> 'probe') || ' ' || user_id FROM tasks_archive WHERE id = ?::uuid",
                    archived)).isEqualTo("completed true " + user);
        }
        assertThat(Db.text("SELECT archived_at = ? FROM tasks_archive WHERE id = ?::uuid", at(t0, 0), taskArchive)).isEqualTo("t");
        assertThat(exists("tasks", taskExpiring)).isFalse();
        assertThat(exists("tasks_archive", taskExpiring)).isFalse();
        for (String kept : List.of(taskCompletedRecent, taskFailedOld, taskCancelledLater, taskPending)) {
            assertThat(exists("tasks", kept)).as("task %s", kept).isTrue();
            assertThat(exists("tasks_archive", kept)).isFalse();
        }

        // notifications
        assertThat(exists("notifications", notificationExpiring)).isFalse();
        assertThat(exists("notifications", notificationLater)).isTrue();
        assertThat(exists("notifications", notificationForever)).isTrue();

        // S3
        assertThat(storage.keys(prefix)).containsExactly(keptKey);

        // every run recorded, and the week's counts are exactly the rows above
        assertThat(week).allSatisfy(run -> assertThat(run.status()).isEqualTo("completed"));
        assertThat(week.stream().mapToInt(RetentionRunView::postingsDeleted).sum()).isEqualTo(3);
        assertThat(week.stream().mapToInt(RetentionRunView::browserSessionsDeleted).sum()).isEqualTo(4);
        assertThat(week.stream().mapToInt(RetentionRunView::tasksArchived).sum()).isEqualTo(2);
        assertThat(week.stream().mapToInt(RetentionRunView::tasksDeleted).sum()).isEqualTo(1);
        assertThat(week.stream().mapToInt(RetentionRunView::notificationsDeleted).sum()).isEqualTo(2);
        assertThat(week.stream().mapToInt(RetentionRunView::objectsDeleted).sum()).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM retention_runs WHERE id = ?::uuid AND status = 'completed'"
                + " AND finished_at IS NOT NULL AND trigger = 'schedule'", week.get(7).id())).isEqualTo(1);
    }

    @Test
    void oneRunAtATimeAcrossReplicas() throws Exception {
        try (Connection other = Db.connection()) {
            other.setAutoCommit(false);
            assertThat(ClusterLock.tryLock(other, RetentionJob.LOCK)).isTrue(); // another replica is running it
            assertThat(retention.run(Instant.now(), "schedule")).isEmpty();
            given().header("Authorization", Tokens.admin().bearer()).post("/api/v1/admin/retention/run")
                    .then().statusCode(409).contentType("application/problem+json");
            other.rollback();
        }
        assertThat(retention.run(Instant.now(), "schedule")).isPresent();
    }

    @Test
    void adminsRunItAndSeeTheRuns() {
        String admin = Tokens.admin().bearer();
        String id = given().header("Authorization", admin).post("/api/v1/admin/retention/run").then().statusCode(200)
                .body("status", equalTo("completed")).body("trigger", equalTo("admin"))
                .body("postings_deleted", notNullValue()).body("objects_deleted", notNullValue())
                .extract().path("id");
        given().header("Authorization", admin).queryParam("size", 1).get("/api/v1/admin/retention/runs").then()
                .statusCode(200).body("items[0].id", equalTo(id)).body("size", equalTo(1));
        given().header("Authorization", admin).queryParam("size", 1000).get("/api/v1/admin/retention/runs")
                .then().statusCode(400);

        String user = Tokens.user().bearer();
        given().header("Authorization", user).post("/api/v1/admin/retention/run").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", user).get("/api/v1/admin/retention/runs").then().statusCode(403);
        given().post("/api/v1/admin/retention/run").then().statusCode(401);
    }
}
