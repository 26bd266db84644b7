package io.atspro.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void openApiDescribesEveryRouteWithTheBearerScheme() {
        var spec = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        spec.body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        for (String path : List.of("/api/v1/me", "/api/v1/me/settings", "/api/v1/me/subscription", "/api/v1/me/skills",
                "/api/v1/me/skills/{id}", "/api/v1/me/experiences", "/api/v1/me/experiences/{id}",
                "/api/v1/me/sessions", "/api/v1/me/sessions/{id}", "/api/v1/admin/users")) {
            spec.body("paths.'" + path + "'", notNullValue());
        }
        spec.body("paths.'/api/v1/me'.get.security[0].bearer", notNullValue());
        spec.body("paths.'/api/v1/admin/users'.get.security[0].bearer", hasItems("admin"));
    }

    @Test
    void readinessCoversDatabaseRedisAndS3() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("s3", "Redis connection health check",
                        "Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        given().header("Origin", "https://app.atspro.test")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.atspro.test")
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                // a preflight carries no token: the API's 401-first check lets it through
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/me")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
