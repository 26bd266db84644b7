package io.atspro.job;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A job the user tracks (seed 002 jobs, 004 saved_jobs): pasted URL, uploaded document, typed by hand, or saved from the catalog. */
@Entity
@Table(name = "jobs")
public class Job {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    String legacyId;
    UUID taskId;

    @Column(nullable = false)
    String status;

    @Column(nullable = false)
    String sourceType;

    String sourceUrl;
    String sourceFilename;
    UUID postingId;
    UUID documentId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode parsedData;

    @JdbcTypeCode(SqlTypes.JSON)
    JsonNode scores;

    String notes;
    String errorMessage;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected Job() {
    }

    static Job create(String userId, String sourceType, String status, JsonNode parsedData, Instant now) {
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.userId = userId;
        job.sourceType = sourceType;
        job.status = status;
        job.parsedData = parsedData;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    /** The fetch task picked it up; false when there is nothing left to do (a rerun). */
    boolean startProcessing(Instant now) {
        if (!PENDING.equals(status) && !PROCESSING.equals(status)) {
            return false;
        }
        status = PROCESSING;
        updatedAt = now;
        return true;
    }

    void completed(JsonNode data, Instant now) {
        parsedData = data;
        status = COMPLETED;
        errorMessage = null;
        updatedAt = now;
    }

    void failed(String reason, Instant now) {
        status = FAILED;
        errorMessage = reason;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public JsonNode parsedData() {
        return parsedData;
    }

    public String sourceUrl() {
        return sourceUrl;
    }
}
