package io.atspro.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identities this pod mirrored recently, keyed by the claims that matter. A token whose claims were
 * mirrored less than {@code atspro.identity.cache-ttl} ago costs no database round trip.
 */
@ApplicationScoped
class IdentityCache {

    private record Entry(MirroredUser user, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    IdentityCache(IdentityConfig config) {
        this.ttlNanos = config.cacheTtl().toNanos();
        this.maxEntries = config.cacheMaxEntries();
    }

    MirroredUser get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos >= 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.user;
    }

    void put(String key, MirroredUser user) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // Rare, and correct either way: the next request of each identity reads the database once.
            entries.clear();
        }
        entries.put(key, new Entry(user, System.nanoTime() + ttlNanos));
    }

    /** An erased user's identities are mirrored afresh on their next request (a new, empty user). */
    void onUserErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserErased erased) {
        forgetUser(erased.userId());
    }

    void onSessionRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionRevoked revoked) {
        forgetSession(revoked.sessionTokenHash());
    }

    /** Also called when another pod erased the user ({@link IdentityBus}). */
    void forgetUser(String userId) {
        entries.values().removeIf(entry -> userId.equals(entry.user.userId()));
    }

    /** Also called when another pod revoked the session ({@link IdentityBus}). */
    void forgetSession(String sessionTokenHash) {
        entries.values().removeIf(entry -> sessionTokenHash.equals(entry.user.sessionTokenHash()));
    }
}
