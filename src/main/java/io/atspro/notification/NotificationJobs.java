package io.atspro.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.application.ApplicationDates;
import io.atspro.posting.CatalogService;
import io.atspro.posting.SavedSearchService;
import io.atspro.shared.InProcessJobsDisabled;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The notification schedules: deliveries held by quiet hours, reminders (follow-ups due today, interviews in
 * the next 24 hours, saved applications whose posting closes within 3 days), and the morning briefing and
 * evening update at each user's local time. Every one is idempotent (dedup keys, claimed rows), so any number
 * of pods may run them, and each can be run now by an admin.
 */
@ApplicationScoped
public class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm");

    private final NotificationService notifications;
    private final PreferencesService preferences;
    private final ApplicationDates dates;
    private final CatalogService catalog;
    private final SavedSearchService searches;
    private final BriefingExtras extras;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationJobs(NotificationService notifications, PreferencesService preferences, ApplicationDates dates,
            CatalogService catalog, SavedSearchService searches, BriefingExtras extras, ObjectMapper json,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.dates = dates;
        this.catalog = catalog;
        this.searches = searches;
        this.extras = extras;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "{atspro.notifications.tick}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = InProcessJobsDisabled.class)
    void tick() {
        Instant now = clock.instant();
        try {
            deliverDue(now);
            reminders(now);
            briefings(now);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Notification schedule failed; it runs again at the next tick");
        }
    }

    /** Delivers notifications whose quiet hours are over. */
    public int deliverDue(Instant now) {
        return notifications.deliverDue(now);
    }

    /** Follow-ups due today (each user's today), interviews in the next 24 h, deadlines within 3 days. */
    public int reminders(Instant now) {
        int created = 0;
        LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, ZoneId> zones = new HashMap<>(); // one preferences read per user and run
        for (ApplicationDates.Due due : dates.followUps(utcToday.minusDays(1), utcToday.plusDays(1))) {
            ZoneId zone = zones.computeIfAbsent(due.userId(), id -> preferences.of(id).zone());
            if (due.date().equals(LocalDate.ofInstant(now, zone))) {
                created += notify(NewNotification.of(due.userId(), NotificationType.APPLICATION_UPDATE,
                        "Follow up with " + due.companyName() + " today",
                        "You planned to follow up on " + due.jobTitle() + " at " + due.companyName() + " today.",
                        data(due), "/applications/" + due.applicationId())
                        .withDedupKey("follow_up:" + due.applicationId() + ":" + due.date()));
            }
        }
        for (ApplicationDates.Due due : dates.interviews(now, now.plus(Duration.ofHours(24)))) {
            ZoneId zone = zones.computeIfAbsent(due.userId(), id -> preferences.of(id).zone());
            created += notify(NewNotification.of(due.userId(), NotificationType.INTERVIEW_REMINDER,
                    "Interview with " + due.companyName() + " " + due.at().atZone(zone).format(TIME),
                    "Your interview for " + due.jobTitle() + " at " + due.companyName() + " is "
                            + due.at().atZone(zone).format(TIME) + " (" + zone.getId() + ").",
                    data(due).put("at", due.at().toString()), "/applications/" + due.applicationId())
                    .withPriority("high").withDedupKey("interview:" + due.applicationId() + ":" + due.at()));
        }
        List<UUID> closing = catalog.expiringBetween(utcToday, utcToday.plusDays(3));
        Map<UUID, LocalDate> expires = catalog.expiresDates(closing);
        for (ApplicationDates.Due due : dates.savedFor(closing)) {
            LocalDate deadline = expires.get(due.postingId());
            created += notify(NewNotification.of(due.userId(), NotificationType.APPLICATION_DEADLINE,
                    "Apply to " + due.companyName() + " by " + deadline,
                    "The posting for " + due.jobTitle() + " at " + due.companyName() + " closes on " + deadline
                            + ", and your application is still saved.",
                    data(due).put("deadline", deadline.toString()), "/applications/" + due.applicationId())
                    .withDedupKey("deadline:" + due.applicationId() + ":" + deadline));
        }
        return created;
    }

    /** The briefings due by now: one per user per local day and kind. */
    public int briefings(Instant now) {
        return briefing(now, true) + briefing(now, false);
    }

    @Transactional
    int briefing(Instant now, boolean morning) {
        String column = morning ? "next_morning_briefing_at" : "next_evening_update_at";
        String enabled = morning ? "morning_briefing_enabled" : "evening_update_enabled";
        int created = 0;
        for (NotificationPreferences p : preferences.repository().lockDue(column, enabled, now, 200)) {
            Instant slot = morning ? p.nextMorningBriefingAt : p.nextEveningUpdateAt;
            LocalDate localDay = LocalDate.ofInstant(slot, p.zone());
            // a slot missed by more than 6 hours (the service was down) is skipped, not sent late
            if (Duration.between(slot, now).compareTo(Duration.ofHours(6)) < 0) {
                created += notify(compose(p, now, morning).withDedupKey(
                        (morning ? "morning_briefing:" : "evening_update:") + localDay));
            }
            if (morning) {
                p.nextMorningBriefingAt = p.next(p.morningBriefingTime, now);
            } else {
                p.nextEveningUpdateAt = p.next(p.eveningUpdateTime, now);
            }
        }
        return created;
    }

    private NewNotification compose(NotificationPreferences p, Instant now, boolean morning) {
        String userId = p.userId;
        LocalDate today = LocalDate.ofInstant(now, p.zone());
        int matches = searches.newMatches(userId, now.minus(Duration.ofHours(morning ? 24 : 12)));
        List<ApplicationDates.Due> mine = dates.ofUser(userId);
        long followUps = mine.stream().filter(d -> d.date() != null && !d.date().isAfter(today)).count();
        long interviews = mine.stream().filter(d -> d.at() != null && d.at().isAfter(now)
                && d.at().isBefore(now.plus(Duration.ofHours(morning ? 24 : 36)))).count();
        List<String> lines = new ArrayList<>();
        lines.add(matches + " new " + (matches == 1 ? "posting matches" : "postings match") + " your saved searches");
        lines.add(followUps + " follow-up" + (followUps == 1 ? "" : "s") + " due");
        lines.add(interviews + " interview" + (interviews == 1 ? "" : "s") + (morning ? " today" : " coming up"));
        List<String> goals = extras.goalLines(userId);
        lines.addAll(goals);
        List<String> recommended = morning ? extras.recommendationLines(userId) : List.of();
        lines.addAll(recommended);
        ObjectNode data = json.createObjectNode().put("new_matches", matches).put("follow_ups_due", followUps)
                .put("interviews", interviews).put("date", today.toString());
        data.set("goals", json.valueToTree(goals));
        data.set("recommended", json.valueToTree(recommended));
        return NewNotification.of(userId, morning ? NotificationType.MORNING_BRIEFING : NotificationType.EVENING_UPDATE,
                morning ? "Your morning briefing" : "Your evening update", String.join("\n", lines), data,
                "/dashboard");
    }

    private int notify(NewNotification n) {
        try {
            return notifications.notify(n).isPresent() ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not create %s for %s", n.type().code(), n.userId());
            return 0;
        }
    }

    private ObjectNode data(ApplicationDates.Due due) {
        return json.createObjectNode().put("application_id", due.applicationId().toString())
                .put("company_name", due.companyName()).put("job_title", due.jobTitle());
    }

    Map<String, Integer> runAll(Instant now) {
        Map<String, Integer> out = new HashMap<>();
        out.put("delivered", deliverDue(now));
        out.put("reminders", reminders(now));
        out.put("briefings", briefings(now));
        return out;
    }
}
