package io.atspro.matching;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code optimization_results} (seed 002 + 000 optimized_resumes); match scores are {@code result_type = score}. */
@Entity
@Table(name = "optimization_results")
public class OptimizationResult {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    @Column(nullable = false)
    UUID resumeId;

    UUID jobId;
    UUID postingId;

    @Column(nullable = false)
    String resultType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode resultData;

    String legacyId;

    @Column(nullable = false)
    Instant createdAt;
}
