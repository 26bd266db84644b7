package io.atspro.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersTest {

    @Test
    void adminsSearchUsersByEmailOrNamePaged() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", Tokens.user().email("zed" + i + "-" + tag + "@example.com").bearer())
                    .get("/api/v1/me").then().statusCode(200);
        }
        given().header("Authorization", Tokens.user().name("Quinn " + tag).bearer()).get("/api/v1/me").then().statusCode(200);
        String admin = Tokens.admin().bearer();

        given().header("Authorization", admin).queryParam("q", "-" + tag + "@").queryParam("size", 2)
                .get("/api/v1/admin/users")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("size", equalTo(2))
                .body("items.email", contains("zed2-" + tag + "@example.com", "zed1-" + tag + "@example.com"));
        given().header("Authorization", admin).queryParam("q", "quinn " + tag.toUpperCase())
                .get("/api/v1/admin/users").then().statusCode(200).body("items.name", contains("Quinn " + tag));
        given().header("Authorization", admin).queryParam("q", "%").get("/api/v1/admin/users")
                .then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", admin).get("/api/v1/admin/users")
                .then().statusCode(200).body("items.size()", lessThanOrEqualTo(20));
    }

    @Test
    void pageSizeHasAHardMaximum() {
        given().header("Authorization", Tokens.admin().bearer()).queryParam("size", 101).get("/api/v1/admin/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().header("Authorization", Tokens.admin().bearer()).queryParam("page", -1).get("/api/v1/admin/users")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().header("Authorization", Tokens.admin().bearer()).queryParam("size", "many").get("/api/v1/admin/users")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aUserWithoutTheAdminRoleIs403() {
        given().header("Authorization", Tokens.user().bearer()).get("/api/v1/admin/users")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        given().get("/api/v1/admin/users").then().statusCode(401);
    }

    @Test
    void anAdminServiceAccountWithoutEmailCanStillCallAdminEndpoints() {
        given().header("Authorization", Tokens.admin().email(null).bearer()).get("/api/v1/admin/users")
                .then().statusCode(200).body("items", everyItem(org.hamcrest.Matchers.notNullValue()));
    }
}
