package io.atspro.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.atspro.testing.Db;
import io.atspro.testing.TestCrypto;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Personal fields are ciphertext in PostgreSQL, plaintext through the API, and move to a new key on request. */
@QuarkusTest
class FieldEncryptionTest {

    private static String userId(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static String rawPhone(String userId) {
        return Db.text("SELECT phone FROM user_profiles WHERE user_id = ?", userId);
    }

    @Test
    void thePhoneIsStoredEncryptedUnderTheCurrentKeyAndReadBackInPlain() {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        given().header("Authorization", bearer).contentType("application/merge-patch+json")
                .body("{\"phone\":\"+49 30 9876543\"}").patch("/api/v1/me").then().statusCode(200)
                .body("profile.phone", equalTo("+49 30 9876543"));

        String raw = rawPhone(userId);
        assertThat(raw).startsWith("v1:test2:").doesNotContain("9876543").doesNotContain("+49");
        assertThat(TestCrypto.decrypt(TestStack.TEST_KEY_2, raw)).isEqualTo("+49 30 9876543");
        given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200)
                .body("profile.phone", equalTo("+49 30 9876543"));
    }

    @Test
    void browserSessionSecretsAreStoredEncrypted() {
        String bearer = Tokens.user().bearer();
        String id = given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"platform\":\"linkedin\",\"cookies\":\"li_at=COOKIE-SECRET-42\","
                        + "\"session_data\":{\"csrf\":\"TOKEN-SECRET-77\",\"n\":3}}")
                .post("/api/v1/browser-sessions").then().statusCode(201).extract().path("id");

        String cookies = Db.text("SELECT cookies FROM browser_sessions WHERE id = ?::uuid", id);
        String data = Db.text("SELECT session_data FROM browser_sessions WHERE id = ?::uuid", id);
        String wholeRow = Db.text("SELECT b::text FROM browser_sessions b WHERE id = ?::uuid", id);
        assertThat(cookies).startsWith("v1:test2:");
        assertThat(data).startsWith("v1:test2:");
        assertThat(wholeRow).doesNotContain("SECRET").doesNotContain("li_at").doesNotContain("csrf");
        assertThat(TestCrypto.decrypt(TestStack.TEST_KEY_2, data)).contains("TOKEN-SECRET-77");

        given().header("Authorization", bearer).get("/api/v1/browser-sessions/" + id).then().statusCode(200)
                .body("cookies", equalTo("li_at=COOKIE-SECRET-42"))
                .body("session_data.csrf", equalTo("TOKEN-SECRET-77"))
                .body("session_data.n", equalTo(3));
    }

    @Test
    void reencryptionMovesOldKeyAndPlaintextValuesToTheCurrentKey() {
        String aliceBearer = Tokens.user().bearer();
        String alice = userId(aliceBearer);
        String bob = userId(Tokens.user().bearer());
        String sessionId = given().header("Authorization", aliceBearer).contentType(ContentType.JSON)
                .body("{\"platform\":\"indeed\",\"cookies\":\"CTK=ROTATE-ME\"}")
                .post("/api/v1/browser-sessions").then().statusCode(201).extract().path("id");
        // written under the retired key test1, and a plaintext left from before encryption
        Db.update("UPDATE user_profiles SET phone = ? WHERE user_id = ?",
                TestCrypto.encrypt("test1", TestStack.TEST_KEY_1, "+1 555 0101"), alice);
        Db.update("UPDATE user_profiles SET phone = ? WHERE user_id = ?", "+1 555 0102", bob);
        Db.update("UPDATE browser_sessions SET cookies = ? WHERE id = ?::uuid",
                TestCrypto.encrypt("test1", TestStack.TEST_KEY_1, "CTK=ROTATE-ME"), sessionId);

        given().header("Authorization", Tokens.user().bearer()).post("/api/v1/admin/crypto/reencrypt")
                .then().statusCode(403).contentType("application/problem+json");
        given().post("/api/v1/admin/crypto/reencrypt").then().statusCode(401);
        given().header("Authorization", Tokens.admin().bearer()).post("/api/v1/admin/crypto/reencrypt")
                .then().statusCode(200)
                .body("key_id", equalTo("test2"))
                .body("'user_profiles.phone'", greaterThanOrEqualTo(2))
                .body("'browser_sessions.cookies'", greaterThanOrEqualTo(1));

        assertThat(rawPhone(alice)).startsWith("v1:test2:");
        assertThat(TestCrypto.decrypt(TestStack.TEST_KEY_2, rawPhone(alice))).isEqualTo("+1 555 0101");
        assertThat(rawPhone(bob)).startsWith("v1:test2:").doesNotContain("555");
        assertThat(TestCrypto.decrypt(TestStack.TEST_KEY_2, rawPhone(bob))).isEqualTo("+1 555 0102");
        String cookies = Db.text("SELECT cookies FROM browser_sessions WHERE id = ?::uuid", sessionId);
        assertThat(cookies).startsWith("v1:test2:");
        given().header("Authorization", aliceBearer).get("/api/v1/browser-sessions/" + sessionId).then()
                .statusCode(200).body("cookies", equalTo("CTK=ROTATE-ME"));
        assertThat(Db.count("SELECT count(*) FROM user_profiles WHERE phone IS NOT NULL AND phone NOT LIKE 'v1:test2:%'"))
                .isZero();

        // a second run finds nothing left to do for these rows
        String before = rawPhone(alice);
        given().header("Authorization", Tokens.admin().bearer()).post("/api/v1/admin/crypto/reencrypt").then().statusCode(200);
        assertThat(rawPhone(alice)).isEqualTo(before);
    }
}
