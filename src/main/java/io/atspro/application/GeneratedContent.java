package io.atspro.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A generated cover letter, follow-up email or tailored resume (seed 001 generated_content, 003 ContentGeneration). */
@Entity
@Table(name = "generated_content")
public class GeneratedContent {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    UUID applicationId;
    UUID jobId;
    UUID resumeId;

    @Column(nullable = false)
    String contentType;

    @Column(nullable = false)
    String contentText;

    UUID documentId;
    String generationPrompt;
    String modelUsed;
    int tokensUsed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode metadata;

    boolean userApproved;
    boolean userEdited;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    void edit(String text, Instant now) {
        contentText = text;
        userEdited = true;
        userApproved = false;
        updatedAt = now;
    }

    void approve(Instant now) {
        userApproved = true;
        updatedAt = now;
    }
}
