package io.atspro.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.application.ApplicationStatus;
import io.atspro.application.ApplicationStatusChanged;
import io.atspro.goal.MilestoneReached;
import io.atspro.posting.PostingSummary;
import io.atspro.posting.PostingsDiscovered;
import io.atspro.posting.SavedSearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/** Turns other features' events into notifications, after their transactions commit. */
@ApplicationScoped
class EventNotifier {

    private static final Logger LOG = Logger.getLogger(EventNotifier.class);

    private final NotificationService notifications;
    private final SavedSearchService searches;
    private final ObjectMapper json;

    EventNotifier(NotificationService notifications, SavedSearchService searches, ObjectMapper json) {
        this.notifications = notifications;
        this.searches = searches;
        this.json = json;
    }

    void onStatusChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApplicationStatusChanged change) {
        ObjectNode data = json.createObjectNode().put("application_id", change.applicationId().toString())
                .put("from", change.from() == null ? null : change.from().code()).put("to", change.to().code())
                .put("company_name", change.companyName()).put("job_title", change.jobTitle());
        String message = change.jobTitle() + " at " + change.companyName() + ": "
                + (change.from() == null ? "" : change.from().code() + " → ") + change.to().code();
        NewNotification n = NewNotification.of(change.userId(), NotificationType.JOB_STATUS_CHANGE,
                title(change.to(), change.companyName()), message, data,
                "/applications/" + change.applicationId());
        try {
            notifications.notify(change.to() == ApplicationStatus.OFFERED ? n.withPriority("high") : n);
        } catch (RuntimeException e) {
            // the status change is committed; a lost notification must not turn it into an error
            LOG.errorf(e, "Could not notify %s of application %s", change.userId(), change.applicationId());
        }
    }

    private static String title(ApplicationStatus to, String company) {
        return switch (to) {
            case INTERVIEWING -> "Interview stage at " + company;
            case OFFERED -> "Offer from " + company;
            case REJECTED -> company + " declined";
            case ACCEPTED -> "You accepted " + company + "'s offer";
            default -> "Application to " + company + ": " + to.code();
        };
    }

    void onMilestone(@Observes(during = TransactionPhase.AFTER_SUCCESS) MilestoneReached reached) {
        ObjectNode data = json.createObjectNode().put("goal_id", reached.goalId().toString())
                .put("milestone_id", reached.milestoneId() == null ? null : reached.milestoneId().toString());
        String what = reached.milestoneId() == null ? "Goal reached" : "Milestone reached";
        try {
            notifications.notify(NewNotification.of(reached.userId(), NotificationType.GOAL_MILESTONE,
                    what + ": " + reached.title(), what + " on " + reached.at() + ".", data,
                    "/goals/" + reached.goalId()).withDedupKey("goal:" + reached.goalId() + ":"
                    + (reached.milestoneId() == null ? reached.at().toString() : reached.milestoneId())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not notify %s of goal %s", reached.userId(), reached.goalId());
        }
    }

    /** A scrape run's new postings, matched against every active saved search: one notification per search. */
    void onPostingsDiscovered(@Observes PostingsDiscovered discovered) {
        for (SavedSearchService.Alert alert : searches.alertsFor(discovered.postingIds())) {
            ArrayNode ids = json.createArrayNode();
            alert.postings().forEach(p -> ids.add(p.id().toString()));
            ObjectNode data = json.createObjectNode().put("search_id", alert.searchId().toString())
                    .put("search_name", alert.searchName()).put("run_id", discovered.runId().toString());
            data.set("posting_ids", ids);
            PostingSummary first = alert.postings().get(0);
            int n = alert.postings().size();
            String message = first.title() + " at " + first.companyName()
                    + (n > 1 ? " and " + (n - 1) + " more" : "");
            try {
                notifications.notify(NewNotification.of(alert.userId(), NotificationType.NEW_JOB_MATCH,
                        n + " new " + (n == 1 ? "job matches" : "jobs match") + " \"" + alert.searchName() + "\"",
                        message, data, "/searches/" + alert.searchId() + "/matches")
                        .withDedupKey("match:" + alert.searchId() + ":" + discovered.runId()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not notify %s of saved search %s", alert.userId(), alert.searchId());
            }
        }
    }
}
