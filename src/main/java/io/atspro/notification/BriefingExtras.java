package io.atspro.notification;

import io.atspro.goal.GoalProgress;
import io.atspro.goal.GoalService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Lines other features add to a briefing: the progress of each active goal. */
@ApplicationScoped
class BriefingExtras {

    private final GoalService goals;

    BriefingExtras(GoalService goals) {
        this.goals = goals;
    }

    List<String> goalLines(String userId) {
        return goals.activeProgress(userId).stream().map(BriefingExtras::line).toList();
    }

    private static String line(GoalProgress p) {
        return p.title() + ": " + p.current() + "/" + p.target() + " (" + p.percent() + " %)";
    }
}
