package io.atspro.task;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code tasks}, read for the API; state changes go through {@link TaskQueue}. */
@Entity
@Table(name = "tasks")
public class Task {

    @Id
    public UUID id;

    public String userId;

    @Column(nullable = false)
    public String taskType;

    @Column(nullable = false)
    public String status;

    public int priority;
    public int progress;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode payload;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode resultData;

    public String errorMessage;
    public int retryCount;
    public int maxRetries;

    @Column(nullable = false)
    public Instant scheduledAt;

    public Instant startedAt;
    public Instant completedAt;
    public Instant lockedUntil;
    public String lockedBy;
    public Instant expiresAt;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
