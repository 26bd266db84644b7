package io.atspro.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code application_status_history}: written only by {@link Application#moveTo}. */
@Entity
@Table(name = "application_status_history")
public class StatusChange {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    UUID applicationId;

    @Column(nullable = false, updatable = false)
    String userId;

    String fromStatus;

    @Column(nullable = false)
    String toStatus;

    String notes;

    @Column(nullable = false)
    String changedBy;

    @Column(nullable = false)
    Instant createdAt;

    protected StatusChange() {
    }

    StatusChange(Application application, ApplicationStatus from, ApplicationStatus to, String changedBy, String notes, Instant at) {
        this.id = UUID.randomUUID();
        this.applicationId = application.id;
        this.userId = application.userId;
        this.fromStatus = from == null ? null : from.code();
        this.toStatus = to.code();
        this.changedBy = changedBy;
        this.notes = notes;
        this.createdAt = at;
    }
}
