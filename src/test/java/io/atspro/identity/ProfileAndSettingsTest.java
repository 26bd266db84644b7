package io.atspro.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileAndSettingsTest {

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    @Test
    void nullClearsAFieldAndMergePatchMediaTypeIsAccepted() {
        String bearer = Tokens.user().bearer();
        as(bearer).body("{\"title\":\"Engineer\",\"phone\":\"+49 30 123456\"}").patch("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer).contentType("application/merge-patch+json")
                .body("{\"title\":null}").patch("/api/v1/me")
                .then().statusCode(200)
                .body("profile.title", nullValue())
                .body("profile.phone", equalTo("+49 30 123456"));
    }

    @Test
    void invalidPatchesNameTheFieldsAndChangeNothing() {
        String bearer = Tokens.user().bearer();
        as(bearer).body("{\"title\":\"Keep me\"}").patch("/api/v1/me").then().statusCode(200);

        as(bearer).body("{\"title\":\"Lost\",\"years_experience\":71,\"linkedin_url\":\"javascript:alert(1)\",\"preferred_work_type\":\"moon\"}")
                .patch("/api/v1/me")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("linkedin_url", "preferred_work_type", "years_experience"));
        as(bearer).body("{\"target_salary_min\":200000,\"target_salary_max\":100000}").patch("/api/v1/me")
                .then().statusCode(400).body("errors[0].field", equalTo("target_salary_min"));
        as(bearer).body("{\"years_experience\":\"ten\"}").patch("/api/v1/me")
                .then().statusCode(400).body("errors[0].field", equalTo("years_experience"))
                .body("errors[0].message", equalTo("must be a whole number"));
        as(bearer).body("{\"email\":\"takeover@example.com\"}").patch("/api/v1/me")
                .then().statusCode(400).body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo("is not a known field"));
        as(bearer).body("{\"willing_to_relocate\":null}").patch("/api/v1/me")
                .then().statusCode(400).body("errors[0].field", equalTo("willing_to_relocate"));
        as(bearer).body("[1,2]").patch("/api/v1/me").then().statusCode(400).contentType("application/problem+json");
        as(bearer).body("{\"job_preferences\":{\"blob\":\"" + "x".repeat(17_000) + "\"}}").patch("/api/v1/me")
                .then().statusCode(400).body("errors[0].field", equalTo("job_preferences"));

        as(bearer).get("/api/v1/me").then().statusCode(200)
                .body("profile.title", equalTo("Keep me"))
                .body("profile.years_experience", nullValue());
    }

    @Test
    void settingsAreReplacedWhole() {
        String bearer = Tokens.user().bearer();
        as(bearer).get("/api/v1/me/settings").then().statusCode(200).body("theme", equalTo("light"));
        as(bearer).body("{\"theme\":\"dark\",\"notifications\":{\"email\":false},\"preferences\":{\"density\":\"compact\"}}")
                .put("/api/v1/me/settings")
                .then().statusCode(200).body("theme", equalTo("dark")).body("notifications.email", equalTo(false));
        as(bearer).body("{\"theme\":\"system\"}").put("/api/v1/me/settings")
                .then().statusCode(200).body("preferences.size()", equalTo(0));
        as(bearer).body("{\"theme\":\"neon\"}").put("/api/v1/me/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("theme"));
        as(bearer).body("{}").put("/api/v1/me/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("theme"));
        as(bearer).body("{\"theme\":\"dark\",\"notifications\":[]}").put("/api/v1/me/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("notifications"));
        as(bearer).get("/api/v1/me/settings").then().body("theme", equalTo("system"));
    }

    @Test
    void everyUserStartsOnTheFreePlanWithItsLimits() {
        as(Tokens.user().bearer()).get("/api/v1/me/subscription").then().statusCode(200)
                .body("plan", equalTo("free"))
                .body("status", equalTo("active"))
                .body("limits.resume_uploads", equalTo(Plan.FREE.limits().resumeUploads()))
                .body("limits.applications", equalTo(Plan.FREE.limits().applications()));
    }
}
