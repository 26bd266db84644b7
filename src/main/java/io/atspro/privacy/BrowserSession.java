package io.atspro.privacy;

import io.atspro.shared.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A platform's login state kept for the user's automation (seed 001 browser_sessions); secrets encrypted at rest. */
@Entity
@Table(name = "browser_sessions")
public class BrowserSession {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false)
    public String platform;

    @Convert(converter = EncryptedString.class)
    public String cookies;

    /** A JSON object, as text: the whole document is one encrypted value. */
    @Convert(converter = EncryptedString.class)
    public String sessionData;

    public String userAgent;
    public boolean isActive = true;
    public Instant lastUsedAt;

    @Column(nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
