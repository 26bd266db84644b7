package io.atspro.identity;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this pod has verified (signature, issuer, audience, expiry: everything Quarkus OIDC checks), with
 * the identity they produced, so that a client sending the same token again is not verified from scratch on every
 * request: that was a fifth of the service's CPU on a cheap read.
 *
 * <p>What it may and may not change: the key is the whole token, so only the very token that passed verification
 * is let in; an entry is dropped when the token expires (its {@code exp}, against the service's clock, never later)
 * and at the latest {@code atspro.identity.token-cache-ttl} after it was verified, which bounds how long a signing
 * key the provider withdraws keeps working for tokens this pod has already seen. Failed verifications are never
 * kept. Session revocation and erasure are unaffected: they are enforced after authentication, on every request
 * ({@link IdentityRequestFilter}, {@link IdentityCache}).
 */
@ApplicationScoped
class VerifiedTokens {

    private record Entry(SecurityIdentity identity, long expiresAtEpochSecond, long verifiedUntilNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final Clock clock;
    private final long ttlNanos;
    private final int maxEntries;

    VerifiedTokens(Clock clock, IdentityConfig config) {
        this.clock = clock;
        this.ttlNanos = config.tokenCacheTtl().toNanos();
        this.maxEntries = config.tokenCacheMaxEntries();
    }

    /** The identity a still valid, already verified token produced; {@code null} when it must be verified. */
    SecurityIdentity get(String token) {
        if (ttlNanos <= 0) {
            return null;
        }
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (clock.instant().getEpochSecond() >= entry.expiresAtEpochSecond
                || System.nanoTime() - entry.verifiedUntilNanos >= 0) {
            entries.remove(token, entry);
            return null;
        }
        hits.increment();
        return entry.identity;
    }

    /** Keeps an identity Quarkus OIDC has just verified; a token without an expiry is not kept. */
    void put(SecurityIdentity identity) {
        if (ttlNanos <= 0 || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        // read as a claim: JsonWebToken.getExpirationTime() unboxes, and throws when there is none
        Object exp = jwt.getClaim(Claims.exp.name());
        long expiresAt = exp instanceof Number number ? number.longValue()
                : exp instanceof JsonNumber json ? json.longValue() : 0;
        if (credential == null || credential.getToken() == null || expiresAt <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long nowNanos = System.nanoTime();
            long nowSecond = clock.instant().getEpochSecond();
            entries.values().removeIf(entry -> nowNanos - entry.verifiedUntilNanos >= 0
                    || nowSecond >= entry.expiresAtEpochSecond);
            if (entries.size() >= maxEntries) {
                // rare, and correct either way: each token is verified once more on its next request
                entries.clear();
            }
        }
        entries.put(credential.getToken(), new Entry(identity, expiresAt, System.nanoTime() + ttlNanos));
    }

    int size() {
        return entries.size();
    }

    /** Requests answered from the cache since the start. */
    long hits() {
        return hits.sum();
    }
}
