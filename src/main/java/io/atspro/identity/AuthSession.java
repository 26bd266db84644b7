package io.atspro.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of better-auth's {@code session} table: one OIDC session ({@code sid}) seen by the service. */
@Entity
@Table(name = "`session`")
public class AuthSession {

    @Id
    public String id;

    @Column(name = "`expiresAt`", nullable = false)
    public LocalDateTime expiresAt;

    /** SHA-256 of the provider id and the OIDC {@code sid}; the raw sid is never stored. */
    @Column(nullable = false, unique = true)
    public String token;

    @Column(name = "`createdAt`", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "`updatedAt`", nullable = false)
    public LocalDateTime updatedAt;

    @Column(name = "`ipAddress`")
    public String ipAddress;

    @Column(name = "`userAgent`")
    public String userAgent;

    @Column(name = "`userId`", nullable = false)
    public String userId;
}
