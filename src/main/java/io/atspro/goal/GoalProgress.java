package io.atspro.goal;

import java.util.UUID;

/** Where one active goal stands, for briefings: {@code percent} is 0–100 (capped). */
public record GoalProgress(UUID goalId, String title, String goalType, long current, long target, int percent) {
}
