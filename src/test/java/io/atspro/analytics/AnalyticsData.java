package io.atspro.analytics;

import static io.restassured.RestAssured.given;

import io.atspro.testing.Db;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Rows written straight into the test database, for dashboards over data whose dates the test chooses. */
final class AnalyticsData {

    private AnalyticsData() {
    }

    /** Mirrors the token's identity (first request) and returns the user's id. */
    static String userId(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    static UUID resume(String userId, String title, int version) {
        UUID id = UUID.randomUUID();
        Db.update("INSERT INTO resumes (id, user_id, status, source, title, version) VALUES (?, ?, 'manual', 'manual', ?, ?)",
                id, userId, title, version);
        return id;
    }

    static UUID job(String userId, String sourceType) {
        UUID id = UUID.randomUUID();
        Db.update("INSERT INTO jobs (id, user_id, status, source_type) VALUES (?, ?, 'completed', ?)", id, userId,
                sourceType);
        return id;
    }

    /** An application whose history walks {@code path} (each step a day apart, from {@code created}). */
    static UUID application(String userId, String company, Instant created, UUID resumeId, UUID jobId, String... path) {
        UUID id = UUID.randomUUID();
        String status = path.length == 0 ? "saved" : path[path.length - 1];
        Instant applied = null;
        Instant response = null;
        Instant offer = null;
        for (int i = 0; i < path.length; i++) {
            Instant at = created.plusSeconds(86_400L * i);
            switch (path[i]) {
                case "applied" -> applied = at;
                case "screening", "interviewing" -> response = response == null ? at : response;
                case "offered" -> {
                    offer = at;
                    response = response == null ? at : response;
                }
                default -> {
                }
            }
        }
        Db.update("""
                INSERT INTO applications (id, user_id, job_id, company_name, job_title, status, applied_at, response_date,
                                          offer_date, resume_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'Engineer', ?, ?, ?, ?, ?, ?, ?)""",
                id, userId, jobId, company, status, ts(applied), ts(response), ts(offer), resumeId, ts(created),
                ts(created));
        String from = null;
        for (int i = 0; i < path.length; i++) {
            Db.update("INSERT INTO application_status_history (application_id, user_id, from_status, to_status, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", id, userId, from, path[i], ts(created.plusSeconds(86_400L * i)));
            from = path[i];
        }
        return id;
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
