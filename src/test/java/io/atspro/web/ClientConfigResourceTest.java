package io.atspro.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientConfigResourceTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    @Test
    void anyoneGetsTheIssuerAndTheWebClientIdWithoutAToken() {
        given().get("/api/v1/client-config")
                .then().statusCode(200)
                .contentType("application/json")
                .body("issuer", equalTo(authServerUrl.replaceAll("/$", "")))
                .body("issuer", not(endsWith("/")))
                .body("client_id", equalTo("atspro-web"));
    }

    @Test
    void itAnswersTheTwoPublicValuesAndNothingElse() {
        // the API's own client id and audience are not the browser's business
        given().get("/api/v1/client-config")
                .then().statusCode(200)
                .body("keySet()", containsInAnyOrder("issuer", "client_id"));
    }

    @Test
    void theWebClientIsServedAtApp() {
        given().get("/app/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/app/app.js").then().statusCode(200);
    }
}
