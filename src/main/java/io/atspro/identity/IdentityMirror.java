package io.atspro.identity;

import io.atspro.shared.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Mirrors an OIDC identity into better-auth's tables. The token's (issuer, sub) finds the user through
 * {@code account}; a new identity gets its user, account, profile, settings and free subscription in one
 * transaction. Plain JDBC: this runs on the first request of every identity and must stay cheap.
 */
@ApplicationScoped
class IdentityMirror {

    private static final Logger LOG = Logger.getLogger(IdentityMirror.class);

    private final DataSource dataSource;
    private final IdentityConfig config;
    private final Clock clock;
    private final Event<UserChanged> userChanged;

    IdentityMirror(DataSource dataSource, IdentityConfig config, Clock clock, Event<UserChanged> userChanged) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.userChanged = userChanged;
    }

    @Transactional
    MirroredUser mirror(OidcClaims claims, String ipAddress, String userAgent) {
        String providerId = config.providerId();
        try (Connection db = dataSource.getConnection()) {
            StoredUser user = findByAccount(db, providerId, claims.subject());
            if (user == null) {
                lockIdentity(db, providerId, claims.subject());
                user = findByAccount(db, providerId, claims.subject());
                if (user == null) {
                    user = createOrLink(db, providerId, claims);
                }
            }
            if (user.differsFrom(claims)) {
                updateUser(db, user, claims);
            }
            if (claims.sid() == null) {
                return new MirroredUser(user.id, null, null);
            }
            String tokenHash = sessionTokenHash(providerId, claims.sid());
            if (isRevoked(db, tokenHash)) {
                throw new SessionRevokedException();
            }
            String sessionId = upsertSession(db, user.id, tokenHash, claims.expiresAt(), ipAddress, userAgent);
            return new MirroredUser(user.id, sessionId, tokenHash);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mirror identity", e);
        }
    }

    static String sessionTokenHash(String providerId, String sid) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((providerId + "|" + sid).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredUser findByAccount(Connection db, String providerId, String subject) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT u.id, u.name, u.email, u."emailVerified", u.image
                FROM account a JOIN "user" u ON u.id = a."userId"
                WHERE a."providerId" = ? AND a."accountId" = ?""")) {
            q.setString(1, providerId);
            q.setString(2, subject);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? StoredUser.of(rs) : null;
            }
        }
    }

    /** Serializes the first requests of one identity, so two at once create one user. */
    private static void lockIdentity(Connection db, String providerId, String subject) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            q.setString(1, providerId + "|" + subject);
            q.execute();
        }
    }

    private StoredUser createOrLink(Connection db, String providerId, OidcClaims claims) throws SQLException {
        if (claims.email() == null) {
            throw new io.quarkus.security.ForbiddenException("The token carries no email claim; ATSPro needs one");
        }
        LocalDateTime now = nowUtc();
        StoredUser existing = findByEmail(db, claims.email());
        StoredUser user;
        if (existing != null) {
            if (!claims.emailVerified()) {
                throw new ConflictException("An account with this email already exists; "
                        + "sign in with a provider that has verified this email to link it");
            }
            user = existing;
            LOG.infof("Linking OIDC identity %s to existing user %s by verified email", claims.subject(), user.id);
        } else {
            user = new StoredUser(UUID.randomUUID().toString(), displayName(claims), claims.email(),
                    claims.emailVerified(), claims.picture());
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO "user" (id, name, email, "emailVerified", image, "createdAt", "updatedAt")
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, user.id);
                insert.setString(2, user.name);
                insert.setString(3, user.email);
                insert.setBoolean(4, user.emailVerified);
                insert.setString(5, user.image);
                insert.setTimestamp(6, Timestamp.valueOf(now));
                insert.setTimestamp(7, Timestamp.valueOf(now));
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO account (id, "accountId", "providerId", "userId", "createdAt", "updatedAt")
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, claims.subject());
            insert.setString(3, providerId);
            insert.setString(4, user.id);
            insert.setTimestamp(5, Timestamp.valueOf(now));
            insert.setTimestamp(6, Timestamp.valueOf(now));
            insert.executeUpdate();
        }
        createDefaults(db, user.id);
        return user;
    }

    /** Default profile, settings and a free subscription; an adopted better-auth user may have none yet. */
    private void createDefaults(Connection db, String userId) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement profile = db.prepareStatement(
                "INSERT INTO user_profiles (user_id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO NOTHING");
             PreparedStatement settings = db.prepareStatement(
                "INSERT INTO user_settings (user_id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO NOTHING");
             PreparedStatement subscription = db.prepareStatement("""
                INSERT INTO subscriptions (user_id, plan, status, starts_at, auto_renew, created_at, updated_at)
                SELECT ?, 'free', 'active', ?, false, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM subscriptions WHERE user_id = ? AND status IN ('active', 'trialing', 'past_due'))""")) {
            for (PreparedStatement insert : new PreparedStatement[] {profile, settings}) {
                insert.setString(1, userId);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.executeUpdate();
            }
            subscription.setString(1, userId);
            subscription.setTimestamp(2, now);
            subscription.setTimestamp(3, now);
            subscription.setTimestamp(4, now);
            subscription.setString(5, userId);
            subscription.executeUpdate();
        }
    }

    private static StoredUser findByEmail(Connection db, String email) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT id, name, email, \"emailVerified\", image FROM \"user\" WHERE email = ? FOR UPDATE")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? StoredUser.of(rs) : null;
            }
        }
    }

    private void updateUser(Connection db, StoredUser user, OidcClaims claims) throws SQLException {
        String email = user.email;
        if (claims.email() != null && !claims.email().equals(user.email)) {
            StoredUser other = findByEmail(db, claims.email());
            if (other == null) {
                email = claims.email();
            } else {
                LOG.warnf("User %s's new email is already used by user %s; keeping the old one", user.id, other.id);
            }
        }
        try (PreparedStatement update = db.prepareStatement("""
                UPDATE "user" SET name = ?, email = ?, "emailVerified" = ?, image = ?, "updatedAt" = ? WHERE id = ?""")) {
            update.setString(1, displayName(claims));
            update.setString(2, email);
            update.setBoolean(3, email.equals(claims.email()) ? claims.emailVerified() : user.emailVerified);
            update.setString(4, claims.picture());
            update.setTimestamp(5, Timestamp.valueOf(nowUtc()));
            update.setString(6, user.id);
            update.executeUpdate();
        }
        userChanged.fire(new UserChanged(user.id));
    }

    private static boolean isRevoked(Connection db, String tokenHash) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM revoked_sessions WHERE token_hash = ?")) {
            q.setString(1, tokenHash);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String upsertSession(Connection db, String userId, String tokenHash, Instant expiresAt,
                                 String ipAddress, String userAgent) throws SQLException {
        LocalDateTime now = nowUtc();
        LocalDateTime expires = expiresAt == null ? now.plusHours(1) : LocalDateTime.ofInstant(expiresAt, ZoneOffset.UTC);
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO "session" (id, "expiresAt", token, "createdAt", "updatedAt", "ipAddress", "userAgent", "userId")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (token) DO UPDATE SET
                    "expiresAt" = GREATEST("session"."expiresAt", EXCLUDED."expiresAt"),
                    "updatedAt" = EXCLUDED."updatedAt",
                    "ipAddress" = EXCLUDED."ipAddress",
                    "userAgent" = EXCLUDED."userAgent"
                RETURNING id""")) {
            upsert.setString(1, UUID.randomUUID().toString());
            upsert.setTimestamp(2, Timestamp.valueOf(expires));
            upsert.setString(3, tokenHash);
            upsert.setTimestamp(4, Timestamp.valueOf(now));
            upsert.setTimestamp(5, Timestamp.valueOf(now));
            upsert.setString(6, truncate(ipAddress, 64));
            upsert.setString(7, truncate(userAgent, 512));
            upsert.setString(8, userId);
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private LocalDateTime nowUtc() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String displayName(OidcClaims claims) {
        if (claims.name() != null && !claims.name().isBlank()) {
            return claims.name();
        }
        return claims.email() != null ? claims.email().substring(0, claims.email().indexOf('@') < 0
                ? claims.email().length() : claims.email().indexOf('@')) : claims.subject();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private record StoredUser(String id, String name, String email, boolean emailVerified, String image) {

        static StoredUser of(ResultSet rs) throws SQLException {
            return new StoredUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5));
        }

        boolean differsFrom(OidcClaims claims) {
            return !Objects.equals(name, displayName(claims))
                    || (claims.email() != null && !claims.email().equals(email))
                    || (Objects.equals(email, claims.email()) && emailVerified != claims.emailVerified())
                    || !Objects.equals(image, claims.picture());
        }
    }
}
