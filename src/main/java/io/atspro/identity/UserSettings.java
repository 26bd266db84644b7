package io.atspro.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Seed 000 settings: theme and two free-form JSON objects the web client owns. */
@Entity
@Table(name = "user_settings")
public class UserSettings {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_id", nullable = false, unique = true, updatable = false)
    public String userId;

    @Column(nullable = false)
    public String theme = "light";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> notifications = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> preferences = new LinkedHashMap<>();

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
