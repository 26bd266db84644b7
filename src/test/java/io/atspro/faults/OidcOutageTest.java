package io.atspro.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.atspro.testing.TestOidcServer;
import io.atspro.testing.TestStack;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OIDC provider fails (500 for everything, or every connection dropped): tokens signed with the keys the
 * service already holds keep working, anything it cannot check against those keys fails closed with 401.
 */
@QuarkusTest
class OidcOutageTest {

    private static final PrivateKey FORGED = newRsaKey();

    @AfterEach
    void heal() {
        TestStack.get().oidc().heal();
    }

    @Test
    void knownKeysKeepWorkingAndUnknownKeysOrIssuersFailClosedWhileTheProviderAnswers500() {
        outage(() -> TestStack.get().oidc().answerEverythingWith500());
    }

    @Test
    void knownKeysKeepWorkingAndUnknownKeysOrIssuersFailClosedWhileTheProviderIsUnreachable() {
        outage(() -> TestStack.get().oidc().dropEveryConnection());
    }

    private void outage(Runnable fault) {
        Tokens alice = Tokens.user();
        String seen = alice.bearer();
        given().header("Authorization", seen).get("/api/v1/me").then().statusCode(200);

        fault.run();

        given().header("Authorization", seen).get("/api/v1/me").then().statusCode(200)
                .body("email", equalTo(alice.email()));
        given().header("Authorization", alice.bearer()).get("/api/v1/applications").then().statusCode(200);
        // a user never seen before, with a token of the provider's key: the key is what is checked, not the user
        given().header("Authorization", Tokens.user().bearer()).get("/api/v1/me").then().statusCode(200);

        unauthorized(Tokens.user().signedWith("rotated-in-" + System.nanoTime(), FORGED).bearer());
        unauthorized(Tokens.user().signedWith(TestOidcServer.KEY_ID, FORGED).bearer());
        unauthorized(Tokens.user().issuer("http://127.0.0.1:9/realms/elsewhere").bearer());
        unauthorized(Tokens.user().issuer(TestStack.get().oidc().issuer() + "-other").bearer());
        unauthorized(Tokens.admin().signedWith("rotated-in", FORGED).bearer(), "/api/v1/admin/users");

        TestStack.get().oidc().heal();
        given().header("Authorization", seen).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", Tokens.user().bearer()).get("/api/v1/me").then().statusCode(200);
        unauthorized(Tokens.user().signedWith("rotated-in", FORGED).bearer());
    }

    private static void unauthorized(String bearer) {
        unauthorized(bearer, "/api/v1/me");
    }

    private static void unauthorized(String bearer, String path) {
        given().header("Authorization", bearer).get(path).then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401))
                .time(lessThan(10L), TimeUnit.SECONDS);
    }

    private static PrivateKey newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
