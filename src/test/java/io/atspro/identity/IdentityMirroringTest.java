package io.atspro.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityMirroringTest {

    @Test
    void aNewIdentityGetsUserAccountProfileSettingsAndFreePlanInOneGo() {
        Tokens token = Tokens.user();
        String id = given().header("Authorization", token.bearer()).get("/api/v1/me")
                .then().statusCode(200).extract().path("id");

        assertThat(Db.count("SELECT count(*) FROM account WHERE \"accountId\" = ? AND \"providerId\" = 'oidc' AND \"userId\" = ?",
                token.subject(), id)).isEqualTo(1);
        assertThat(Db.text("SELECT \"accessToken\" FROM account WHERE \"userId\" = ?", id)).isNull();
        assertThat(Db.count("SELECT count(*) FROM user_profiles WHERE user_id = ?", id)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM user_settings WHERE user_id = ?", id)).isEqualTo(1);
        assertThat(Db.text("SELECT plan FROM subscriptions WHERE user_id = ? AND status = 'active'", id)).isEqualTo("free");
    }

    @Test
    void simultaneousFirstRequestsCreateExactlyOneUser() throws Exception {
        Tokens token = Tokens.user();
        String bearer = token.bearer();
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            ids.add(pool.submit(() -> {
                start.await();
                return given().header("Authorization", bearer).get("/api/v1/me")
                        .then().statusCode(200).extract().<String>path("id");
            }));
        }
        start.countDown();
        Set<String> distinct = new java.util.HashSet<>();
        for (Future<String> id : ids) {
            distinct.add(id.get());
        }
        pool.shutdown();

        assertThat(distinct).hasSize(1);
        assertThat(Db.count("SELECT count(*) FROM \"user\" WHERE email = ?", token.email())).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM account WHERE \"accountId\" = ?", token.subject())).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM subscriptions WHERE user_id = ?", distinct.iterator().next())).isEqualTo(1);
    }

    @Test
    void changedClaimsUpdateTheUserRow() {
        Tokens token = Tokens.user().name("Before");
        String id = given().header("Authorization", token.bearer()).get("/api/v1/me").then().extract().path("id");

        String newEmail = "renamed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().header("Authorization", token.name("After").email(newEmail).picture("https://img.example.com/a.png").bearer())
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("After"))
                .body("email", equalTo(newEmail))
                .body("image", equalTo("https://img.example.com/a.png"));
        assertThat(Db.text("SELECT name FROM \"user\" WHERE id = ?", id)).isEqualTo("After");
    }

    @Test
    void anUnverifiedEmailNeverTakesOverAnExistingUser() {
        Tokens owner = Tokens.user().name("Owner");
        String ownerId = given().header("Authorization", owner.bearer()).get("/api/v1/me").then().extract().path("id");

        Tokens intruder = Tokens.user().email(owner.email()).emailVerified(false).name("Intruder");
        given().header("Authorization", intruder.bearer()).get("/api/v1/me")
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(Db.count("SELECT count(*) FROM account WHERE \"accountId\" = ?", intruder.subject())).isZero();
        assertThat(Db.text("SELECT name FROM \"user\" WHERE id = ?", ownerId)).isEqualTo("Owner");
    }

    @Test
    void aVerifiedEmailLinksTheNewIdentityToTheExistingUser() {
        Tokens first = Tokens.user();
        String id = given().header("Authorization", first.bearer()).get("/api/v1/me").then().extract().path("id");

        Tokens second = Tokens.user().email(first.email()).emailVerified(true);
        given().header("Authorization", second.bearer()).get("/api/v1/me")
                .then().statusCode(200).body("id", equalTo(id));
        assertThat(Db.count("SELECT count(*) FROM account WHERE \"userId\" = ?", id)).isEqualTo(2);
    }

    @Test
    void theSessionIsRecordedByHashWithIpAndUserAgent() {
        Tokens token = Tokens.user();
        String id = given().header("Authorization", token.bearer()).header("User-Agent", "ATSPro-Test/1.0")
                .get("/api/v1/me").then().extract().path("id");

        assertThat(Db.count("SELECT count(*) FROM \"session\" WHERE token = ?", token.sid())).isZero();
        assertThat(Db.count("SELECT count(*) FROM \"session\" WHERE \"userId\" = ? AND token = ?", id,
                IdentityMirror.sessionTokenHash("oidc", token.sid()))).isEqualTo(1);
        given().header("Authorization", token.bearer()).get("/api/v1/me/sessions")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo(1))
                .body("items[0].current", equalTo(true))
                .body("items[0].ip_address", equalTo("127.0.0.1"))
                .body("items[0].user_agent", equalTo("ATSPro-Test/1.0"));
        assertThat(Db.count("SELECT count(*) FROM \"session\" WHERE \"userId\" = ? "
                + "AND \"expiresAt\" > (now() AT TIME ZONE 'UTC')", id)).isEqualTo(1);
    }

    @Test
    void aRevokedSessionsTokensGet401WhileOtherSessionsGoOn() {
        Tokens laptop = Tokens.user();
        Tokens phone = Tokens.user().subject(laptop.subject()).email(laptop.email());
        given().header("Authorization", laptop.bearer()).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", phone.bearer()).get("/api/v1/me").then().statusCode(200);

        String phoneSession = given().header("Authorization", laptop.bearer()).get("/api/v1/me/sessions")
                .then().statusCode(200).body("items", hasSize(2))
                .extract().path("items.find { !it.current }.id");
        given().header("Authorization", laptop.bearer()).delete("/api/v1/me/sessions/" + phoneSession)
                .then().statusCode(204);

        given().header("Authorization", phone.bearer()).get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", laptop.bearer()).get("/api/v1/me/sessions")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anotherUsersSessionIs404AndStaysAlive() {
        Tokens owner = Tokens.user();
        given().header("Authorization", owner.bearer()).get("/api/v1/me").then().statusCode(200);
        String sessionId = given().header("Authorization", owner.bearer()).get("/api/v1/me/sessions")
                .then().extract().path("items[0].id");

        given().header("Authorization", Tokens.user().bearer()).delete("/api/v1/me/sessions/" + sessionId)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", owner.bearer()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void tokensThatAreNotOursAre401() {
        given().header("Authorization", Tokens.user().audience("someone-else").bearer()).get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.user().issuer("https://evil.example.com/realms/atspro").bearer())
                .get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", Tokens.user().lifetimeSeconds(-120).bearer()).get("/api/v1/me")
                .then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutEmailOwnsNoDataButIsNotAnError() {
        given().header("Authorization", Tokens.user().email(null).bearer()).get("/api/v1/me")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
