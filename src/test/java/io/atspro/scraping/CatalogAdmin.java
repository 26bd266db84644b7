package io.atspro.scraping;

import static io.restassured.RestAssured.given;

import io.atspro.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;

/** Test steps an admin takes: add a source, run it, wait for the run to end. */
public final class CatalogAdmin {

    private static final String ADMIN = Tokens.admin().subject("catalog-admin").email("catalog-admin@atspro.test")
            .bearer();

    private CatalogAdmin() {
    }

    public static String addSource(String platform, String board, String companyName) {
        String body = "{\"platform\":\"" + platform + "\",\"board\":\"" + board + "\""
                + (companyName == null ? "" : ",\"company_name\":\"" + companyName + "\"") + "}";
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/scrape-sources").then().statusCode(201).extract().path("id");
    }

    /** Runs the source now and waits for the run to end; returns the finished run. */
    public static JsonPath run(String sourceId) {
        String runId = given().header("Authorization", ADMIN).post("/api/v1/admin/scrape-sources/" + sourceId + "/run")
                .then().statusCode(202).extract().path("id");
        return await(sourceId, runId);
    }

    public static JsonPath await(String sourceId, String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath run = null;
        while (System.nanoTime() < deadline) {
            run = given().header("Authorization", ADMIN)
                    .get("/api/v1/admin/scrape-sources/" + sourceId + "/runs/" + runId).then().statusCode(200)
                    .extract().jsonPath();
            String status = run.getString("status");
            if (status.equals("succeeded") || status.equals("failed")) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + runId + " did not end: " + (run == null ? null : run.prettify()));
    }

    public static String bearer() {
        return ADMIN;
    }
}
