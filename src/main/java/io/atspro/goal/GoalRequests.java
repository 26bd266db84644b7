package io.atspro.goal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the goals API. PATCH bodies are JSON merge patches: absent stays, null clears. */
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
final class GoalRequests {

    private GoalRequests() {
    }

    static final int MAX_TARGET = 1_000_000;
    private static final String NOT_BLANK = ".*\\S.*";

    /** {@code {"target": n}}: how many applications a week, interviews, offers, or units of a custom goal. */
    record TargetMetrics(@NotNull @Min(1) @Max(MAX_TARGET) Integer target) {
    }

    record CreateGoal(
            @NotNull @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = 5000) String description,
            @NotNull @Pattern(regexp = GoalType.CODES, message = GoalType.MESSAGE) String goalType,
            @NotNull @Valid TargetMetrics targetMetrics,
            LocalDate startsOn,
            LocalDate targetDate,
            @Size(max = 64) String timeZone,
            @Min(0) @Max(MAX_TARGET) Integer current) {
    }

    record PatchGoal(
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = 5000) String description,
            String goalType,
            @Valid TargetMetrics targetMetrics,
            LocalDate startsOn,
            LocalDate targetDate,
            @Size(max = 64) String timeZone,
            @Pattern(regexp = GoalStatus.CODES, message = GoalStatus.MESSAGE) String status,
            @Min(0) @Max(MAX_TARGET) Integer current) {
    }

    record CreateMilestone(
            @NotNull @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = 5000) String description,
            LocalDate targetDate,
            @Min(1) @Max(MAX_TARGET) Integer targetValue,
            JsonNode metadata) {
    }

    record PatchMilestone(
            @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = 5000) String description,
            LocalDate targetDate,
            @Min(1) @Max(MAX_TARGET) Integer targetValue,
            JsonNode metadata) {
    }
}
