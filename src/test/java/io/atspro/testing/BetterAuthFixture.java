package io.atspro.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A database as better-auth itself leaves it (timestamptz columns, ON DELETE CASCADE, its own three
 * indexes) with one user, their password account and a session. The test database starts as this, so
 * every test run proves that ATSPro adopts an existing better-auth database in place.
 */
public final class BetterAuthFixture {

    public static final String USER_ID = "ba_5fK2mQ9xLr8T";
    public static final String USER_EMAIL = "adopted@example.com";
    public static final String SESSION_ID = "ba_session_1";

    private BetterAuthFixture() {
    }

    public static void createIn(DataSource dataSource) {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("""
                    create table "user" ("id" text not null primary key, "name" text not null,
                      "email" text not null unique, "emailVerified" boolean not null, "image" text,
                      "createdAt" timestamptz default CURRENT_TIMESTAMP not null,
                      "updatedAt" timestamptz default CURRENT_TIMESTAMP not null);
                    create table "session" ("id" text not null primary key, "expiresAt" timestamptz not null,
                      "token" text not null unique, "createdAt" timestamptz default CURRENT_TIMESTAMP not null,
                      "updatedAt" timestamptz not null, "ipAddress" text, "userAgent" text,
                      "userId" text not null references "user" ("id") on delete cascade);
                    create table "account" ("id" text not null primary key, "accountId" text not null,
                      "providerId" text not null, "userId" text not null references "user" ("id") on delete cascade,
                      "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" timestamptz,
                      "refreshTokenExpiresAt" timestamptz, "scope" text, "password" text,
                      "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null);
                    create table "verification" ("id" text not null primary key, "identifier" text not null,
                      "value" text not null, "expiresAt" timestamptz not null,
                      "createdAt" timestamptz default CURRENT_TIMESTAMP not null,
                      "updatedAt" timestamptz default CURRENT_TIMESTAMP not null);
                    create index "session_userId_idx" on "session" ("userId");
                    create index "account_userId_idx" on "account" ("userId");
                    create index "verification_identifier_idx" on "verification" ("identifier");
                    """);
            sql.execute("""
                    insert into "user" values ('%1$s', 'Ada Adopted', '%2$s', true, null, now() - interval '400 days', now() - interval '2 days');
                    insert into "account" ("id", "accountId", "providerId", "userId", "password", "createdAt", "updatedAt")
                      values ('ba_account_1', '%1$s', 'credential', '%1$s', 'scrypt:stub-hash', now() - interval '400 days', now());
                    insert into "session" ("id", "expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId")
                      values ('%3$s', now() + interval '7 days', 'ba-opaque-session-token', now(), now(), '203.0.113.7', 'Mozilla/5.0', '%1$s');
                    """.formatted(USER_ID, USER_EMAIL, SESSION_ID));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the better-auth fixture", e);
        }
    }
}
