package io.atspro.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.atspro.testing.BetterAuthFixture;
import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The test database began as a better-auth database (see BetterAuthFixture); Flyway adopted it at start. */
@QuarkusTest
class BetterAuthAdoptionTest {

    @Test
    void flywayBaselinedTheExistingDatabaseAndRanV1OverIt() {
        assertThat(Db.count("SELECT count(*) FROM flyway_schema_history WHERE version = '0' AND type = 'BASELINE'"))
                .isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success")).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM \"user\" WHERE id = ?", BetterAuthFixture.USER_ID)).isEqualTo(1);
    }

    @Test
    void anExistingUserSigningInWithAVerifiedEmailKeepsTheirIdAndData() {
        given().header("Authorization", Tokens.user().email(BetterAuthFixture.USER_EMAIL).name("Ada Adopted").bearer())
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("id", equalTo(BetterAuthFixture.USER_ID))
                .body("email", equalTo(BetterAuthFixture.USER_EMAIL))
                .body("profile.onboarding_completed", equalTo(false));

        assertThat(Db.text("SELECT \"providerId\" FROM account WHERE \"userId\" = ? AND \"providerId\" = 'credential'",
                BetterAuthFixture.USER_ID)).isEqualTo("credential");
        assertThat(Db.count("SELECT count(*) FROM account WHERE \"userId\" = ? AND \"providerId\" = 'oidc'",
                BetterAuthFixture.USER_ID)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM \"session\" WHERE id = ?", BetterAuthFixture.SESSION_ID)).isEqualTo(1);
        assertThat(Db.text("SELECT plan FROM subscriptions WHERE user_id = ?", BetterAuthFixture.USER_ID)).isEqualTo("free");
        assertThat(Db.text("SELECT to_char(\"createdAt\", 'YYYY') FROM \"user\" WHERE id = ?", BetterAuthFixture.USER_ID))
                .isNotNull();
    }
}
