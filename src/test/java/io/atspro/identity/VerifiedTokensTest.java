package io.atspro.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The rules of the verified-token cache, on a clock the test moves. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);

    @Test
    void aVerifiedTokenIsAnsweredUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(clock, config(Duration.ofMinutes(2), 100));
        SecurityIdentity alice = identity("token-a", NOW.plusSeconds(60));
        tokens.put(alice);

        assertSame(alice, tokens.get("token-a"));
        assertNull(tokens.get("token-b"), "only the very token that was verified");
        assertNull(tokens.get("token-a "), "only the very token that was verified");

        clock.now = NOW.plusSeconds(59);
        assertSame(alice, tokens.get("token-a"));
        clock.now = NOW.plusSeconds(60);
        assertNull(tokens.get("token-a"), "expired at its exp, as OIDC would say");
        assertEquals(0, tokens.size(), "and forgotten");
    }

    @Test
    void aVerifiedTokenIsVerifiedAgainAfterTheTtlEvenIfStillValid() throws InterruptedException {
        VerifiedTokens tokens = new VerifiedTokens(clock, config(Duration.ofMillis(50), 100));
        tokens.put(identity("token-a", NOW.plusSeconds(3600)));
        Thread.sleep(80);
        assertNull(tokens.get("token-a"));
    }

    @Test
    void nothingIsKeptWhenTurnedOffOrWithoutExpiryOrAnonymous() {
        VerifiedTokens off = new VerifiedTokens(clock, config(Duration.ZERO, 100));
        off.put(identity("token-a", NOW.plusSeconds(60)));
        assertNull(off.get("token-a"));

        VerifiedTokens tokens = new VerifiedTokens(clock, config(Duration.ofMinutes(2), 100));
        tokens.put(identity("token-without-exp", null));
        tokens.put(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheStaysWithinItsBound() {
        VerifiedTokens tokens = new VerifiedTokens(clock, config(Duration.ofMinutes(2), 10));
        for (int i = 0; i < 25; i++) {
            tokens.put(identity("token-" + i, NOW.plusSeconds(60)));
        }
        assertEquals(5, tokens.size(), "cleared when full, then filled again");
        assertNull(tokens.get("token-3"));
        SecurityIdentity last = tokens.get("token-24");
        assertEquals("token-24", last.getPrincipal().getName());

        // expired entries go first when it is full
        VerifiedTokens bounded = new VerifiedTokens(clock, config(Duration.ofMinutes(2), 3));
        bounded.put(identity("old-1", NOW.plusSeconds(10)));
        bounded.put(identity("old-2", NOW.plusSeconds(10)));
        bounded.put(identity("fresh", NOW.plusSeconds(600)));
        clock.now = NOW.plusSeconds(20);
        bounded.put(identity("new", NOW.plusSeconds(600)));
        assertEquals(2, bounded.size());
        assertEquals("fresh", bounded.get("fresh").getPrincipal().getName());
    }

    private static SecurityIdentity identity(String token, Instant expiresAt) {
        Map<String, Object> claims = expiresAt == null ? Map.of("sub", token)
                : Map.of("sub", token, Claims.exp.name(), expiresAt.getEpochSecond());
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return token;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("user")
                .addCredential(new TokenCredential(token, "bearer")).build();
    }

    private static IdentityConfig config(Duration tokenTtl, int tokenMaxEntries) {
        return new IdentityConfig() {
            @Override
            public String providerId() {
                return "oidc";
            }

            @Override
            public Duration cacheTtl() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int cacheMaxEntries() {
                return 100;
            }

            @Override
            public Duration tokenCacheTtl() {
                return tokenTtl;
            }

            @Override
            public int tokenCacheMaxEntries() {
                return tokenMaxEntries;
            }

            @Override
            public Duration revokedSessionRetention() {
                return Duration.ofDays(30);
            }
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
