package io.atspro.notification;

import io.atspro.goal.GoalProgress;
import io.atspro.goal.GoalService;
import io.atspro.recommendation.RecommendationService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Lines other features add to a briefing: the progress of each active goal, new postings recommended. */
@ApplicationScoped
class BriefingExtras {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BriefingExtras.class);

    private final GoalService goals;
    private final RecommendationService recommendations;

    BriefingExtras(GoalService goals, RecommendationService recommendations) {
        this.goals = goals;
        this.recommendations = recommendations;
    }

    /** Up to three new postings ranked high for the user; none when they cannot be ranked now. */
    List<String> recommendationLines(String userId) {
        try {
            return recommendations.briefingLines(userId, 3);
        } catch (RuntimeException e) {
            LOG.debugf("No recommendations in the briefing of %s: %s", userId, e.getMessage());
            return List.of();
        }
    }

    List<String> goalLines(String userId) {
        return goals.activeProgress(userId).stream().map(BriefingExtras::line).toList();
    }

    private static String line(GoalProgress p) {
        return p.title() + ": " + p.current() + "/" + p.target() + " (" + p.percent() + " %)";
    }
}
