package io.atspro.goal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the goals API. */
public final class GoalViews {

    private GoalViews() {
    }

    /**
     * How far a goal is: {@code current} of {@code target}, {@code percent} 0–100 (capped), counted over
     * [{@code window_start}, {@code window_end}) ({@code window_end} null: up to now).
     */
    @Schema(name = "GoalProgress")
    public record Progress(long current, long target, int percent, Instant windowStart, Instant windowEnd) {

        static Progress of(long current, long target, Instant windowStart, Instant windowEnd) {
            int percent = target <= 0 ? 0 : (int) Math.min(100, current * 100 / target);
            return new Progress(current, target, percent, windowStart, windowEnd);
        }

        boolean reached() {
            return current >= target;
        }
    }

    public record GoalView(UUID id, String title, String description, String goalType, JsonNode targetMetrics,
                           LocalDate startsOn, LocalDate targetDate, String timeZone, String status, Progress progress,
                           JsonNode progressData, Instant completedAt, List<MilestoneView> milestones,
                           Instant createdAt, Instant updatedAt) {

        static GoalView of(Goal g, Progress progress, List<Milestone> milestones) {
            return new GoalView(g.id, g.title, g.description, g.goalType, g.targetMetrics, g.startsOn, g.targetDate,
                    g.timeZone, g.status().code(), progress, g.progressData, g.completedAt,
                    milestones.stream().map(MilestoneView::of).toList(), g.createdAt, g.updatedAt);
        }
    }

    public record MilestoneView(UUID id, UUID goalId, String title, String description, LocalDate targetDate,
                                Integer targetValue, boolean isCompleted, Instant completedAt, JsonNode metadata,
                                Instant createdAt, Instant updatedAt) {

        static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.goalId, m.title, m.description, m.targetDate, m.targetValue,
                    m.isCompleted(), m.completedAt(), m.metadata, m.createdAt, m.updatedAt);
        }
    }
}
