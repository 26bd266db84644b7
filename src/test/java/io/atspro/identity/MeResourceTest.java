package io.atspro.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

    @Test
    void firstRequestCreatesTheUserWithDefaults() {
        Tokens alice = Tokens.user().name("Alice Liddell");
        given().header("Authorization", alice.bearer())
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("id", notNullValue())
                .body("email", equalTo(alice.email()))
                .body("name", equalTo("Alice Liddell"))
                .body("email_verified", equalTo(true))
                .body("roles", contains("user"))
                .body("profile.target_salary_currency", equalTo("USD"))
                .body("profile.years_experience", nullValue());
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        Tokens bob = Tokens.user();
        given().header("Authorization", bob.bearer()).contentType(ContentType.JSON)
                .body("{\"title\":\"Engineer\",\"years_experience\":7,\"preferred_locations\":[\"Berlin\"]}")
                .when().patch("/api/v1/me")
                .then().statusCode(200)
                .body("profile.title", equalTo("Engineer"))
                .body("profile.years_experience", equalTo(7));
        given().header("Authorization", bob.bearer()).contentType(ContentType.JSON)
                .body("{\"bio\":\"Hello\"}")
                .when().patch("/api/v1/me")
                .then().statusCode(200)
                .body("profile.title", equalTo("Engineer"))
                .body("profile.bio", equalTo("Hello"))
                .body("profile.preferred_locations", hasItems("Berlin"));
        given().header("Authorization", bob.bearer())
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("profile.bio", equalTo("Hello"));
    }

    @Test
    void noTokenIs401ProblemJson() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401));
    }
}
