package io.atspro.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A file a user uploaded: its metadata here, its bytes in S3 under {@code storageKey}. */
@Entity
@Table(name = "documents")
public class Document {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String userId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String filename;

    @Column(nullable = false)
    public String contentType;

    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false, unique = true, updatable = false)
    public String storageKey;

    public UUID resumeId;
    public UUID jobId;
    public UUID applicationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata = new LinkedHashMap<>();

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
