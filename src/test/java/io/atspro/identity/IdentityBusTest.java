package io.atspro.identity;

import static io.restassured.RestAssured.given;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A revocation made on another pod reaches this pod's identity cache through Redis, not after its TTL. */
@QuarkusTest
class IdentityBusTest {

    @Inject
    RedisDataSource redis;

    @Inject
    IdentityBus bus;

    /** Another test may have restarted Redis: wait until this pod hears the channel again. */
    void awaitLiveBus() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!bus.live() && System.nanoTime() < deadline) {
            bus.maintain();
            Thread.sleep(200);
        }
    }

    @Test
    void aSessionRevokedOnAnotherPodIsRefusedHereAtOnce() throws Exception {
        Tokens token = Tokens.user();
        String userId = given().header("Authorization", token.bearer()).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        String hash = IdentityMirror.sessionTokenHash("oidc", token.sid());
        // what the other pod's revocation wrote
        Db.update("INSERT INTO revoked_sessions (token_hash, user_id, revoked_at, expires_at) "
                + "VALUES (?, ?, now(), now() + interval '1 day')", hash, userId);
        Db.update("DELETE FROM \"session\" WHERE token = ?", hash);
        // this pod still trusts its cache (cache-ttl 30 s) ...
        given().header("Authorization", token.bearer()).get("/api/v1/me").then().statusCode(200);

        // ... until the other pod's message arrives
        awaitLiveBus();
        redis.pubsub(String.class).publish(IdentityBus.CHANNEL, "{\"pod\":\"another\",\"session\":\"" + hash + "\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int status;
        do {
            Thread.sleep(50);
            status = given().header("Authorization", token.bearer()).get("/api/v1/me").then().extract().statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        given().header("Authorization", token.bearer()).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aMalformedMessageChangesNothing() {
        Tokens token = Tokens.user();
        given().header("Authorization", token.bearer()).get("/api/v1/me").then().statusCode(200);
        redis.pubsub(String.class).publish(IdentityBus.CHANNEL, "not json");
        redis.pubsub(String.class).publish(IdentityBus.CHANNEL, "{\"pod\":\"another\",\"user\":\"nobody\"}");
        given().header("Authorization", token.bearer()).get("/api/v1/me").then().statusCode(200);
    }
}
