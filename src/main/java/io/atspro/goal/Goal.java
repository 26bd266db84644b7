package io.atspro.goal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A user's goal (003 Goal). Its status changes only through {@link #moveTo} and {@link #reach}; a completed goal
 * is final, an abandoned one changes only by being reopened.
 */
@Entity
@Table(name = "goals")
public class Goal {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    @Column(nullable = false)
    String title;

    String description;

    @Column(nullable = false, updatable = false)
    String goalType;

    /** {@code {"target": n}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode targetMetrics;

    LocalDate startsOn;
    LocalDate targetDate;

    @Column(nullable = false)
    String timeZone;

    @Column(nullable = false)
    private String status;

    /** What cannot be computed: {@code current} of a custom goal, {@code weeks_met} of a weekly goal. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    ObjectNode progressData;

    Instant completedAt;

    @Column(nullable = false, updatable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected Goal() {
    }

    static Goal create(String userId, GoalType type, ObjectNode targetMetrics, ObjectNode progressData, Instant now) {
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.userId = userId;
        goal.goalType = type.code();
        goal.targetMetrics = targetMetrics;
        goal.progressData = progressData;
        goal.timeZone = "UTC";
        goal.status = GoalStatus.ACTIVE.code();
        goal.createdAt = now;
        goal.updatedAt = now;
        return goal;
    }

    GoalType type() {
        return GoalType.of(goalType);
    }

    GoalStatus status() {
        return GoalStatus.of(status);
    }

    long target() {
        return targetMetrics.path("target").asLong();
    }

    /** The manual progress of a custom goal. */
    long manualCurrent() {
        return progressData.path("current").asLong(0);
    }

    /**
     * A change the user asks for: abandon or reopen any goal; complete a custom goal by hand. A computed goal
     * completes itself when its data reaches the target; a completed goal is final.
     */
    void moveTo(GoalStatus next, Instant now) {
        GoalStatus current = status();
        if (current == next) {
            return;
        }
        if (current == GoalStatus.COMPLETED) {
            throw new ConflictException("The goal is completed; a completed goal is final");
        }
        if (next == GoalStatus.COMPLETED && type().computed()) {
            throw new ConflictException("A " + goalType + " goal completes itself when its progress reaches the target");
        }
        status = next.code();
        completedAt = next == GoalStatus.COMPLETED ? now : null;
        updatedAt = now;
    }

    /** The target was reached (not a weekly goal: that one stays active and counts the weeks it was met). */
    void reach(Instant now) {
        status = GoalStatus.COMPLETED.code();
        completedAt = now;
        updatedAt = now;
    }

    /** Refuses a change of what the goal measures unless it is active. */
    void requireActive(String change) {
        switch (status()) {
            case COMPLETED -> throw new ConflictException("The goal is completed; " + change + " is no longer possible");
            case ABANDONED -> throw new ConflictException("The goal is abandoned; reopen it (status active) before "
                    + change);
            default -> {
            }
        }
    }
}
