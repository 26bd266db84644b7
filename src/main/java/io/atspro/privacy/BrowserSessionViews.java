package io.atspro.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The vault's answers: lists never carry the secrets; one session read by its owner does. */
public final class BrowserSessionViews {

    private BrowserSessionViews() {
    }

    @Schema(name = "BrowserSession")
    public record Summary(UUID id, String platform, String userAgent, boolean isActive, boolean hasCookies,
            boolean hasSessionData, Instant lastUsedAt, Instant expiresAt, Instant createdAt) {

        static Summary of(BrowserSession s) {
            return new Summary(s.id, s.platform, s.userAgent, s.isActive, s.cookies != null, s.sessionData != null,
                    s.lastUsedAt, s.expiresAt, s.createdAt);
        }
    }

    @Schema(name = "BrowserSessionDetail")
    public record Detail(UUID id, String platform, String userAgent, boolean isActive, String cookies,
            Map<String, Object> sessionData, Instant lastUsedAt, Instant expiresAt, Instant createdAt) {
    }
}
