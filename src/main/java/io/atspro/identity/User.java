package io.atspro.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of better-auth's {@code "user"} table, mirrored from the OIDC provider's claims. Timestamps are UTC. */
@Entity
@Table(name = "`user`")
public class User {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public String email;

    @Column(name = "`emailVerified`", nullable = false)
    public boolean emailVerified;

    public String image;

    @Column(name = "`createdAt`", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "`updatedAt`", nullable = false)
    public LocalDateTime updatedAt;
}
