package io.atspro.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The browser-session vault: a user's login state on job platforms, for automation. Cookies and session data
 * are encrypted at rest; an expired session is neither listed nor returned, and the retention job deletes it.
 */
@ApplicationScoped
@Transactional
public class BrowserSessionService {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    static final Duration MAX_LIFETIME = Duration.ofDays(365);
    static final int MAX_SESSION_DATA_BYTES = 64 * 1024;

    private final BrowserSessionRepository sessions;
    private final ObjectMapper json;
    private final Clock clock;

    BrowserSessionService(BrowserSessionRepository sessions, ObjectMapper json, Clock clock) {
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
    }

    public BrowserSessionViews.Summary store(String userId, BrowserSessionRequests.Create request) {
        Instant now = clock.instant();
        if (request.cookies() == null && request.sessionData() == null) {
            throw new InvalidInputException("cookies", "or session_data is required");
        }
        Instant expiresAt = request.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : request.expiresAt();
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInputException("expires_at", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new InvalidInputException("expires_at", "must be within a year");
        }
        BrowserSession session = new BrowserSession();
        session.id = UUID.randomUUID();
        session.userId = userId;
        session.platform = request.platform();
        session.cookies = request.cookies();
        session.sessionData = request.sessionData() == null ? null : sessionDataText(request.sessionData());
        session.userAgent = request.userAgent();
        session.expiresAt = expiresAt;
        session.createdAt = now;
        session.updatedAt = now;
        sessions.persist(session);
        return BrowserSessionViews.Summary.of(session);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BrowserSessionViews.Summary> list(String userId, String platform, PageRequest page) {
        return sessions.pageLive(userId, platform, clock.instant(), page).map(BrowserSessionViews.Summary::of);
    }

    /** The session with its secrets, for the owner's automation; reading it counts as using it. */
    public BrowserSessionViews.Detail use(String userId, UUID id) {
        Instant now = clock.instant();
        BrowserSession s = live(userId, id, now);
        s.lastUsedAt = now;
        s.updatedAt = now;
        return new BrowserSessionViews.Detail(s.id, s.platform, s.userAgent, s.isActive, s.cookies,
                s.sessionData == null ? null : sessionData(s.sessionData), s.lastUsedAt, s.expiresAt, s.createdAt);
    }

    public void delete(String userId, UUID id) {
        sessions.delete(live(userId, id, clock.instant()));
    }

    private BrowserSession live(String userId, UUID id, Instant now) {
        return sessions.findLive(userId, id, now).orElseThrow(() -> new ResourceNotFoundException("Browser session"));
    }

    private String sessionDataText(Map<String, Object> data) {
        try {
            String text = json.writeValueAsString(data);
            if (text.length() > MAX_SESSION_DATA_BYTES) {
                throw new InvalidInputException("session_data", "must be at most " + MAX_SESSION_DATA_BYTES / 1024 + " KB of JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("session_data", "must be a JSON object");
        }
    }

    private Map<String, Object> sessionData(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored session data is not JSON");
        }
    }
}
