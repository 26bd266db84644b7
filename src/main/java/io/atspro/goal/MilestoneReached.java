package io.atspro.goal;

import java.time.Instant;
import java.util.UUID;

/**
 * A milestone was reached ({@code milestoneId} set), or the goal itself ({@code milestoneId} null; for a weekly
 * goal: its target was met this week). Fired inside the transaction that records it: observers use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so they hear only of what was committed, once.
 */
public record MilestoneReached(String userId, UUID goalId, UUID milestoneId, String title, Instant at) {
}
