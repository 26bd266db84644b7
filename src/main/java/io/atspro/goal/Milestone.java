package io.atspro.goal;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A step towards a goal (003 Milestone). With a {@code targetValue} it is reached when the goal's progress gets
 * there; without one it is a checklist item completed by hand. Completion happens once.
 */
@Entity
@Table(name = "milestones")
public class Milestone {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    @Column(nullable = false, updatable = false)
    UUID goalId;

    @Column(nullable = false)
    String title;

    String description;
    LocalDate targetDate;
    Integer targetValue;

    @Column(nullable = false)
    private boolean isCompleted;

    private Instant completedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode metadata;

    @Column(nullable = false, updatable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected Milestone() {
    }

    static Milestone of(Goal goal, JsonNode metadata, Instant now) {
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.userId = goal.userId;
        milestone.goalId = goal.id;
        milestone.metadata = metadata;
        milestone.createdAt = now;
        milestone.updatedAt = now;
        return milestone;
    }

    boolean isCompleted() {
        return isCompleted;
    }

    Instant completedAt() {
        return completedAt;
    }

    /** True when {@code current} progress reaches this not-yet-completed milestone's target value. */
    boolean reachedBy(long current) {
        return !isCompleted && targetValue != null && current >= targetValue;
    }

    void complete(Instant now) {
        if (isCompleted) {
            throw new ConflictException("The milestone was completed at " + completedAt);
        }
        isCompleted = true;
        completedAt = now;
        updatedAt = now;
    }
}
