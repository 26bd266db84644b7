package io.atspro.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atspro.testing.TestOidcServer;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

/** A token verified once is answered from the pod's cache, within the rules OIDC itself applies. */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aTokenIsVerifiedOnceThenServedWithItsRolesFromTheCache() {
        Tokens admin = Tokens.admin();
        String bearer = admin.bearer();
        int before = tokens.size();
        long hits = tokens.hits();
        given().header("Authorization", bearer).get("/api/v1/admin/users").then().statusCode(200);
        assertEquals(before + 1, tokens.size(), "kept once verified");
        assertEquals(hits, tokens.hits());
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer).get("/api/v1/admin/users").then().statusCode(200);
        }
        assertEquals(hits + 3, tokens.hits(), "answered from the cache");
        assertEquals(before + 1, tokens.size(), "and not kept again");

        Tokens alice = Tokens.user();
        String aliceBearer = alice.bearer();
        given().header("Authorization", aliceBearer).get("/api/v1/me").then().statusCode(200);
        // served from the cache: still the same user, still without the admin role
        given().header("Authorization", aliceBearer).get("/api/v1/me").then().statusCode(200)
                .body("email", equalTo(alice.email()));
        given().header("Authorization", aliceBearer).get("/api/v1/admin/users").then().statusCode(403);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey forged = generator.generateKeyPair().getPrivate();
        String bearer = Tokens.user().signedWith(TestOidcServer.KEY_ID, forged).bearer();
        int before = tokens.size();
        long hits = tokens.hits();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(401);
        }
        given().header("Authorization", Tokens.user().audience("someone-else").bearer()).get("/api/v1/me")
                .then().statusCode(401);
        assertEquals(before, tokens.size());
        assertEquals(hits, tokens.hits());
    }

    @Test
    void aCachedTokenStopsWorkingWhenItExpires() throws InterruptedException {
        String bearer = Tokens.user().lifetimeSeconds(2).bearer();
        given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200);
        Thread.sleep(3_100);
        given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(401);
    }
}
