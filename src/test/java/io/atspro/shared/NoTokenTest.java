package io.atspro.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No token is 401 on every API route but the public calendar feed, whatever else is wrong with the request: the
 * check comes before content negotiation (a wrong Accept was 406) and before the body is read (a wrong
 * Content-Type was 415, a broken body 400).
 */
@QuarkusTest
class NoTokenTest {

    /** Needs no token: the calendar feed (its URL is its secret) and where a web client logs in. */
    private static final Set<String> PUBLIC = Set.of("/api/v1/calendar/{token}.ics", "/api/v1/client-config");

    @Test
    void everyRouteButThePublicFeedAnswers401ProblemBeforeLookingAtTheRequest() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> checked = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (PUBLIC.contains(path.getKey())) {
                return;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String[] variant : new String[][] {
                    {"application/json", "application/json", "{\"valid\": true}"},
                    {"application/xml", "text/plain", "not what any route takes"},
                    {"text/event-stream", "multipart/form-data; boundary=x", "--x\r\nbroken"},
                    {"application/json", "application/json", "{broken"}}) {
                Response response = given().accept(variant[0]).contentType(variant[1])
                        .body(variant[2].getBytes(StandardCharsets.UTF_8))
                        .request(method.toUpperCase(), url);
                String what = method.toUpperCase() + " " + url + " (Accept " + variant[0] + ", Content-Type "
                        + variant[1] + ")";
                assertThat(response.statusCode()).as(what).isEqualTo(401);
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                assertThat(response.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
                assertThat(response.jsonPath().getInt("status")).as(what).isEqualTo(401);
            }
            checked.add(method + " " + path.getKey());
        }));
        assertThat(checked).hasSizeGreaterThan(130);
        // and a bad token, or credentials of another scheme, are refused alike
        for (String authorization : List.of("Bearer not.a.token", "Basic YWxpY2U6YWxpY2U=", "Bearer")) {
            given().header("Authorization", authorization).contentType("text/plain").body("x")
                    .post("/api/v1/documents").then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void thePublicCalendarFeedNeedsNoTokenButItsSecret() {
        given().get("/api/v1/calendar/" + "x".repeat(43) + ".ics").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
