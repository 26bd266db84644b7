package io.atspro.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Counts of a user's application activity over a time window, for features that measure it (goals, briefings). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApplicationActivity {

    private final ApplicationRepository applications;
    private final StatusHistoryRepository history;

    ApplicationActivity(ApplicationRepository applications, StatusHistoryRepository history) {
        this.applications = applications;
        this.history = history;
    }

    /** Applications whose {@code applied_at} lies in [from, to). */
    public long applied(String userId, Instant from, Instant to) {
        return applications.countAppliedBetween(userId, from, to);
    }

    /** Applications that moved to {@code status} in [from, to), each counted once (its status history). */
    public long reached(String userId, ApplicationStatus status, Instant from, Instant to) {
        return history.countReachedBetween(userId, status.code(), from, to);
    }
}
