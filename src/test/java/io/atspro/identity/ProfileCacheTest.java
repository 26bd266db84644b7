package io.atspro.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The profile cache never serves a profile read before a change that committed after the read. */
@QuarkusTest
class ProfileCacheTest {

    @Inject
    ProfileCache cache;

    @Inject
    ProfileService profiles;

    @Test
    void aProfileReadBeforeAChangeAndCachedAfterItIsNotServed() {
        String bearer = Tokens.user().bearer();
        String userId = given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200)
                .extract().path("id");
        // a reader (a background task, another request) misses the cache and reads the profile …
        cache.onUserChanged(new UserChanged(userId));
        ProfileCache.Lookup before = cache.get(userId);
        assertThat(before.me()).isEmpty();
        Views.Me old = profiles.me(userId);
        // … the user changes it (committed, the entry dropped) …
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"title\":\"Changed\"}")
                .patch("/api/v1/me").then().statusCode(200);
        // … and the reader caches what it read before
        cache.put(userId, old, before.version());
        assertThat(cache.get(userId).me()).as("the profile from before the change").isEmpty();
        // the next request reads it from the database, as it is now, and caches that
        given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200)
                .body("profile.title", org.hamcrest.Matchers.equalTo("Changed"));
        assertThat(cache.get(userId).me()).as("cached again, as it is now").isPresent()
                .hasValueSatisfying(me -> assertThat(me.profile().title()).isEqualTo("Changed"));
    }
}
