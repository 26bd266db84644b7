package io.atspro.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemJsonTest {

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body(allOf(not(containsString("Exception")), not(containsString("at io.")),
                        not(containsString("SELECT"))));
    }

    @Test
    void unknownRoutesAre404() {
        String bearer = Tokens.user().bearer();
        assertProblem(given().header("Authorization", bearer).get("/api/v1/nothing-here").then(), 404);
        assertProblem(given().get("/no-such-page").then(), 404);
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(given().header("Authorization", Tokens.user().bearer()).put("/api/v1/me").then(), 405);
    }

    @Test
    void aWrongMediaTypeIs415() {
        assertProblem(given().header("Authorization", Tokens.user().bearer()).contentType(ContentType.XML)
                .body("<skill/>").post("/api/v1/me/skills").then(), 415);
    }

    @Test
    void anUnacceptableResponseTypeIs406() {
        assertProblem(given().header("Authorization", Tokens.user().bearer()).accept("image/png")
                .get("/api/v1/me").then(), 406);
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        assertProblem(given().header("Authorization", Tokens.user().bearer()).contentType(ContentType.JSON)
                .body("{\"skill_name\": \"Go\",,}").post("/api/v1/me/skills").then(), 400)
                .body("detail", containsString("line 1"));
    }

    @Test
    void noTokenIs401AndABadOneToo() {
        assertProblem(given().get("/api/v1/me/skills").then(), 401).header("WWW-Authenticate", "Bearer");
        assertProblem(given().header("Authorization", "Basic YWxpY2U6YWxpY2U=").get("/api/v1/me/skills").then(), 401);
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        String bearer = Tokens.user().bearer();
        int status = 200;
        int sent = 0;
        ValidatableResponse limited = null;
        // The window is a clock minute: going past the limit twice over survives a window boundary.
        while (status != 429 && sent < 1300) {
            ValidatableResponse response = given().header("Authorization", bearer).get("/api/v1/me/settings").then();
            status = response.extract().statusCode();
            sent++;
            if (status == 429) {
                limited = response;
            }
        }
        org.assertj.core.api.Assertions.assertThat(sent).isGreaterThan(600);
        assertProblem(limited, 429).header("Retry-After", notNullValue());
        int retryAfter = Integer.parseInt(limited.extract().header("Retry-After"));
        org.assertj.core.api.Assertions.assertThat(retryAfter).isBetween(1, 60);
        // another user is not limited by this one
        given().header("Authorization", Tokens.user().bearer()).get("/api/v1/me/settings").then().statusCode(200);
    }
}
