package io.atspro.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An application (seeds 001, 003, 004). Its status changes only through {@link #moveTo}, which checks
 * the transition table of {@link ApplicationStatus}, sets the stage's date when the user gave none and
 * returns the history row to write.
 */
@Entity
@Table(name = "applications")
public class Application {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    String legacyId;
    UUID jobId;
    UUID postingId;

    @Column(nullable = false)
    String companyName;

    @Column(nullable = false)
    String jobTitle;

    String jobUrl;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    String applicationMethod;

    Instant appliedAt;
    Instant responseDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<Instant> interviewDates = new ArrayList<>();

    Instant offerDate;
    Integer offerSalary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode offerDetails;

    String rejectionReason;
    String notes;
    LocalDate followUpDate;
    UUID resumeId;
    UUID coverLetterDocumentId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode automationLog;

    String errorMessage;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected Application() {
    }

    /** A new application in its first status; the creation is the first line of its timeline. */
    static Application start(String userId, String companyName, String jobTitle, ApplicationStatus initial,
                             JsonNode emptyObject, JsonNode emptyArray, Instant now) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.userId = userId;
        application.companyName = companyName;
        application.jobTitle = jobTitle;
        application.status = initial.code();
        application.applicationMethod = "manual";
        application.offerDetails = emptyObject;
        application.automationLog = emptyArray;
        application.createdAt = now;
        application.updatedAt = now;
        application.stampDates(initial, null, now);
        return application;
    }

    public ApplicationStatus status() {
        return ApplicationStatus.of(status);
    }

    public UUID id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    /**
     * Moves to {@code next}, or throws {@link IllegalTransitionException} and changes nothing.
     * {@code at} is when it happened as the user tells it (null: now).
     */
    StatusChange moveTo(ApplicationStatus next, String changedBy, String note, Instant at, Instant now) {
        ApplicationStatus current = status();
        if (!current.canMoveTo(next)) {
            throw new IllegalTransitionException(current, next);
        }
        status = next.code();
        stampDates(next, at, now);
        if (next == ApplicationStatus.REJECTED && note != null && rejectionReason == null) {
            rejectionReason = note;
        }
        updatedAt = now;
        return new StatusChange(this, current, next, changedBy, note, now);
    }

    StatusChange created(String changedBy, Instant now) {
        return new StatusChange(this, null, status(), changedBy, null, now);
    }

    private void stampDates(ApplicationStatus stage, Instant at, Instant now) {
        Instant when = at != null ? at : now;
        switch (stage) {
            case APPLIED -> appliedAt = at != null || appliedAt == null ? when : appliedAt;
            case SCREENING -> responseDate = at != null || responseDate == null ? when : responseDate;
            case INTERVIEWING -> {
                if (responseDate == null) {
                    responseDate = when;
                }
                if (at != null && !interviewDates.contains(at)) {
                    interviewDates.add(at);
                    interviewDates.sort(null);
                }
            }
            case OFFERED -> {
                offerDate = at != null || offerDate == null ? when : offerDate;
                if (responseDate == null) {
                    responseDate = when;
                }
            }
            default -> {
            }
        }
    }
}
