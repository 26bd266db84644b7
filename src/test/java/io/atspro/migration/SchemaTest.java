package io.atspro.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspro.testing.TestStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V1 on an empty database: better-auth's tables exactly as seed 000 writes them, and the seeds' checks. */
class SchemaTest {

    private static DataSource fresh;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        String name = "fresh_" + UUID.randomUUID().toString().substring(0, 8);
        TestStack.get().postgres().createDatabase(name);
        fresh = TestStack.get().postgres().dataSource(name);
        Flyway.configure().dataSource(fresh).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    @Test
    void betterAuthTablesAreSeed000sToTheColumn() throws SQLException {
        assertThat(columns("user")).containsExactly(
                "id text NO", "name text NO", "email text NO", "emailVerified boolean NO", "image text YES",
                "createdAt timestamp without time zone NO", "updatedAt timestamp without time zone NO");
        assertThat(columns("session")).containsExactly(
                "id text NO", "expiresAt timestamp without time zone NO", "token text NO",
                "createdAt timestamp without time zone NO", "updatedAt timestamp without time zone NO",
                "ipAddress text YES", "userAgent text YES", "userId text NO");
        assertThat(columns("account")).containsExactly(
                "id text NO", "accountId text NO", "providerId text NO", "userId text NO", "accessToken text YES",
                "refreshToken text YES", "idToken text YES", "accessTokenExpiresAt timestamp without time zone YES",
                "refreshTokenExpiresAt timestamp without time zone YES", "scope text YES", "password text YES",
                "createdAt timestamp without time zone NO", "updatedAt timestamp without time zone NO");
        assertThat(columns("verification")).containsExactly(
                "id text NO", "identifier text NO", "value text NO", "expiresAt timestamp without time zone NO",
                "createdAt timestamp without time zone YES", "updatedAt timestamp without time zone YES");
    }

    @Test
    void theSeedsChecksHoldInTheDatabaseItself() throws SQLException {
        try (Connection db = fresh.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO \"user\" VALUES ('u1', 'U', 'u1@example.com', true, null, now(), now())");
            assertThatThrownBy(() -> sql.execute("INSERT INTO user_profiles (user_id, years_experience) VALUES ('u1', 71)"))
                    .hasMessageContaining("user_profiles_years_experience_check");
            assertThatThrownBy(() -> sql.execute(
                    "INSERT INTO user_profiles (user_id, target_salary_min, target_salary_max) VALUES ('u1', 10, 5)"))
                    .hasMessageContaining("user_profiles_salary_range_check");
            assertThatThrownBy(() -> sql.execute("INSERT INTO user_experiences (user_id, company_name, job_title, "
                    + "start_date, end_date) VALUES ('u1', 'A', 'B', '2020-01-02', '2020-01-01')"))
                    .hasMessageContaining("user_experiences_dates_check");
            sql.execute("INSERT INTO subscriptions (user_id, plan, starts_at) VALUES ('u1', 'free', now())");
            assertThatThrownBy(() -> sql.execute("INSERT INTO subscriptions (user_id, plan, starts_at) VALUES ('u1', 'pro', now())"))
                    .hasMessageContaining("ux_subscriptions_user_current");
        }
    }

    private static List<String> columns(String table) throws SQLException {
        try (Connection db = fresh.getConnection(); PreparedStatement q = db.prepareStatement("""
                SELECT column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position""")) {
            q.setString(1, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return columns;
        }
    }
}
