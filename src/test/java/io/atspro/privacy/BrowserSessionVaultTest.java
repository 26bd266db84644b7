package io.atspro.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrowserSessionVaultTest {

    private static final String PATH = "/api/v1/browser-sessions";
    private static final String DEFAULT_SESSION = "{\"platform\":\"greenhouse\",\"cookies\":\"_gh=abc\","
            + "\"session_data\":{\"k\":\"v\"},\"user_agent\":\"Mozilla/5.0\"}";

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    private static String store(String bearer, String body) {
        return as(bearer).body(body).post(PATH).then().statusCode(201).extract().path("id");
    }

    @Test
    void storeListReadAndDelete() {
        String bearer = Tokens.user().bearer();
        store(bearer, "{\"platform\":\"lever\",\"session_data\":{\"a\":1}}");
        String id = as(bearer).body(DEFAULT_SESSION).post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("platform", equalTo("greenhouse")).body("has_cookies", equalTo(true))
                .body("$", not(hasKey("cookies"))).body("$", not(hasKey("session_data")))
                .extract().path("id");

        as(bearer).get(PATH).then().statusCode(200).body("total", equalTo(2))
                .body("items[0]", not(hasKey("cookies"))).body("items[0]", not(hasKey("session_data")))
                .body("items[1]", not(hasKey("cookies"))).body("items[1]", not(hasKey("session_data")));
        as(bearer).queryParam("platform", "greenhouse").get(PATH).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].has_session_data", equalTo(true)).body("items[0].user_agent", equalTo("Mozilla/5.0"));
        as(bearer).queryParam("platform", "lever").get(PATH).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].has_cookies", equalTo(false));
        as(bearer).queryParam("platform", "Not A Platform").get(PATH).then().statusCode(400);

        as(bearer).get(PATH + "/" + id).then().statusCode(200).body("cookies", equalTo("_gh=abc"))
                .body("session_data.k", equalTo("v")).body("last_used_at", not(equalTo(null)));

        as(bearer).delete(PATH + "/" + id).then().statusCode(204);
        as(bearer).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(bearer).delete(PATH + "/" + id).then().statusCode(404);
        as(bearer).get(PATH).then().body("total", equalTo(1));
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        String owner = Tokens.user().bearer();
        String id = store(owner, DEFAULT_SESSION);
        String stranger = Tokens.user().bearer();
        as(stranger).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(stranger).delete(PATH + "/" + id).then().statusCode(404);
        as(stranger).get(PATH).then().statusCode(200).body("total", equalTo(0));
        as(owner).get(PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void noTokenIs401() {
        given().get(PATH).then().statusCode(401);
        given().contentType(ContentType.JSON).body(DEFAULT_SESSION).post(PATH).then().statusCode(401);
        given().get(PATH + "/" + UUID.randomUUID()).then().statusCode(401);
        given().delete(PATH + "/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void badInputIs400AndStoresNothing() {
        String bearer = Tokens.user().bearer();
        as(bearer).body("{\"platform\":").post(PATH).then().statusCode(400).contentType("application/problem+json");
        as(bearer).body("").post(PATH).then().statusCode(400);
        as(bearer).body("{\"cookies\":\"a=b\"}").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        as(bearer).body("{\"platform\":\"linkedin\"}").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("cookies"));
        as(bearer).body("{\"platform\":\"LinkedIn!\",\"cookies\":\"a=b\"}").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        as(bearer).body("{\"platform\":\"linkedin\",\"cookies\":\"a=b\",\"password\":\"x\"}").post(PATH).then().statusCode(400);
        as(bearer).body("{\"platform\":\"linkedin\",\"session_data\":[1,2]}").post(PATH).then().statusCode(400);
        as(bearer).body("{\"platform\":\"linkedin\",\"cookies\":\"a=b\",\"expires_at\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS) + "\"}").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("expires_at"));
        as(bearer).body("{\"platform\":\"linkedin\",\"cookies\":\"a=b\",\"expires_at\":\"tomorrow\"}").post(PATH)
                .then().statusCode(400);
        as(bearer).get(PATH + "/not-a-uuid").then().statusCode(404); // as on every route: no such resource
        as(bearer).get(PATH).then().body("total", equalTo(0));
    }

    @Test
    void expiredSessionsAreNeitherListedNorReturned() {
        String bearer = Tokens.user().bearer();
        String expiring = store(bearer, "{\"platform\":\"workday\",\"cookies\":\"w=1\",\"expires_at\":\""
                + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}");
        String live = store(bearer, DEFAULT_SESSION);
        Db.update("UPDATE browser_sessions SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", expiring);

        as(bearer).get(PATH).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(live));
        as(bearer).get(PATH + "/" + expiring).then().statusCode(404);
        as(bearer).delete(PATH + "/" + expiring).then().statusCode(404);
    }
}
