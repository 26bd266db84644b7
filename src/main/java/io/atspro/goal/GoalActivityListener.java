package io.atspro.goal;

import io.atspro.application.ApplicationStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/** Measures a user's goals again once a change of one of their applications is committed. */
@ApplicationScoped
class GoalActivityListener {

    private static final Logger LOG = Logger.getLogger(GoalActivityListener.class);

    private final GoalService goals;

    GoalActivityListener(GoalService goals) {
        this.goals = goals;
    }

    void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApplicationStatusChanged change) {
        try {
            goals.recomputeActive(change.userId());
        } catch (RuntimeException e) {
            // the change itself is committed; the goals catch up the next time they are read
            LOG.warnf(e, "Could not measure the goals of user %s after a status change", change.userId());
        }
    }
}
