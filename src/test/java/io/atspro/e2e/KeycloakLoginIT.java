package io.atspro.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.atspro.testing.KeycloakServer;
import io.atspro.testing.TestStack;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * End to end: the packaged application (or the native binary under -Dnative), real Keycloak with the
 * demo realm, tokens by password grant, and the API driven with them.
 */
@QuarkusIntegrationTest
class KeycloakLoginIT {

    private static KeycloakServer keycloak() {
        return TestStack.get().keycloak();
    }

    @Test
    void aliceLogsInAndGetsHerProfileWithHerRealmRoles() {
        String token = keycloak().tokenFor("alice", "alice");
        given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(200)
                .body("email", equalTo("alice@example.com"))
                .body("name", equalTo("Alice Liddell"))
                .body("email_verified", equalTo(true))
                .body("roles", hasItems("user", "admin"));
        given().auth().oauth2(token).get("/api/v1/me/sessions")
                .then().statusCode(200).body("items.current", hasItem(true));
    }

    @Test
    void aliceEditsHerProfileAndSeesItOnTheNextLogin() {
        given().auth().oauth2(keycloak().tokenFor("alice", "alice")).contentType(ContentType.JSON)
                .body("{\"title\":\"Principal Engineer\",\"preferred_work_type\":\"remote\"}")
                .patch("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(keycloak().tokenFor("alice", "alice")).get("/api/v1/me")
                .then().statusCode(200).body("profile.title", equalTo("Principal Engineer"));
    }

    @Test
    void theAdminRoleComesFromTheRealmAndBobHasNone() {
        given().auth().oauth2(keycloak().tokenFor("alice", "alice")).queryParam("q", "example.com")
                .get("/api/v1/admin/users").then().statusCode(200).body("total", notNullValue());
        given().auth().oauth2(keycloak().tokenFor("bob", "bob")).get("/api/v1/admin/users")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(keycloak().tokenFor("bob", "bob")).get("/api/v1/me")
                .then().statusCode(200).body("roles", not(hasItem("admin")));
    }

    @Test
    void theCronClientReachesAdminEndpointsWithClientCredentials() {
        given().auth().oauth2(keycloak().clientCredentialsToken()).get("/api/v1/admin/users").then().statusCode(200);
    }

    @Test
    void aRevokedKeycloakSessionIsRefused() {
        String token = keycloak().tokenFor("bob", "bob");
        String session = given().auth().oauth2(token).get("/api/v1/me/sessions")
                .then().statusCode(200).extract().path("items.find { it.current }.id");
        given().auth().oauth2(token).delete("/api/v1/me/sessions/" + session).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(keycloak().tokenFor("bob", "bob")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void requestsWithoutATokenAre401() {
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }
}
