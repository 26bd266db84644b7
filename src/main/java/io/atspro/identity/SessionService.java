package io.atspro.identity;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The OIDC sessions ATSPro has seen for the caller, and their revocation. */
@ApplicationScoped
@Transactional
public class SessionService {

    private final SessionRepository sessions;
    private final Event<SessionRevoked> revoked;
    private final IdentityConfig config;
    private final EntityManager em;
    private final Clock clock;

    SessionService(SessionRepository sessions, Event<SessionRevoked> revoked, IdentityConfig config, EntityManager em,
                   Clock clock) {
        this.sessions = sessions;
        this.revoked = revoked;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Views.Session> list(String userId, String currentSessionId, PageRequest page) {
        return sessions.pageOwned(userId, page).map(s -> Views.session(s, currentSessionId));
    }

    /** Revokes a session: its row goes, and any token carrying its sid gets 401 from now on. */
    public void revoke(String userId, String sessionId) {
        AuthSession session = sessions.findOwned(userId, sessionId)
                .orElseThrow(() -> new ResourceNotFoundException("Session"));
        em.createNativeQuery("""
                INSERT INTO revoked_sessions (token_hash, user_id, revoked_at, expires_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (token_hash) DO NOTHING""")
                .setParameter(1, session.token)
                .setParameter(2, userId)
                .setParameter(3, clock.instant())
                .setParameter(4, clock.instant().plus(config.revokedSessionRetention()))
                .executeUpdate();
        sessions.delete(session);
        revoked.fire(new SessionRevoked(userId, session.token));
    }
}
