package io.atspro.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A user's notification settings (seed 003), with their time zone and the next briefing instants. */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreferences {

    @Id
    String userId;

    boolean emailEnabled = true;
    boolean pushEnabled = true;
    boolean inAppEnabled = true;
    boolean jobStatusChangeEnabled = true;
    boolean applicationUpdateEnabled = true;
    boolean interviewReminderEnabled = true;
    boolean newJobMatchEnabled = true;
    boolean applicationDeadlineEnabled = true;
    boolean skillGapReportEnabled = true;
    boolean systemAnnouncementEnabled = true;
    boolean morningBriefingEnabled = true;
    boolean eveningUpdateEnabled = true;
    boolean goalMilestoneEnabled = true;

    @Column(nullable = false)
    LocalTime morningBriefingTime = LocalTime.of(8, 0);

    @Column(nullable = false)
    LocalTime eveningUpdateTime = LocalTime.of(18, 0);

    LocalTime quietHoursStart;
    LocalTime quietHoursEnd;

    @Column(nullable = false)
    String digestFrequency = "daily";

    @Column(nullable = false)
    String timeZone = "UTC";

    Instant nextMorningBriefingAt;
    Instant nextEveningUpdateAt;

    @Column(nullable = false, updatable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected NotificationPreferences() {
    }

    /** The defaults, for a user who never changed them (not persisted). */
    static NotificationPreferences defaults(String userId, Instant now) {
        NotificationPreferences p = new NotificationPreferences();
        p.userId = userId;
        p.createdAt = now;
        p.updatedAt = now;
        p.reschedule(now);
        return p;
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    boolean allows(NotificationType type) {
        if (!inAppEnabled) {
            return false;
        }
        return switch (type) {
            case JOB_STATUS_CHANGE -> jobStatusChangeEnabled;
            case APPLICATION_UPDATE -> applicationUpdateEnabled;
            case INTERVIEW_REMINDER -> interviewReminderEnabled;
            case NEW_JOB_MATCH -> newJobMatchEnabled;
            case APPLICATION_DEADLINE -> applicationDeadlineEnabled;
            case SKILL_GAP_REPORT -> skillGapReportEnabled;
            case SYSTEM_ANNOUNCEMENT -> systemAnnouncementEnabled;
            case MORNING_BRIEFING -> morningBriefingEnabled;
            case EVENING_UPDATE -> eveningUpdateEnabled;
            case GOAL_MILESTONE -> goalMilestoneEnabled;
        };
    }

    /**
     * When a notification created at {@code now} may be delivered: now, or the end of the quiet hours (in the
     * user's time zone) when now falls inside them. Quiet hours may span midnight (22:00–07:00).
     */
    Instant deliveryTime(Instant now) {
        if (quietHoursStart == null || quietHoursEnd == null || quietHoursStart.equals(quietHoursEnd)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone());
        LocalTime t = local.toLocalTime();
        boolean spansMidnight = quietHoursStart.isAfter(quietHoursEnd);
        boolean quiet = spansMidnight ? !t.isBefore(quietHoursStart) || t.isBefore(quietHoursEnd)
                : !t.isBefore(quietHoursStart) && t.isBefore(quietHoursEnd);
        if (!quiet) {
            return now;
        }
        LocalDate endDay = spansMidnight && !t.isBefore(quietHoursStart) ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(endDay, quietHoursEnd, zone()).toInstant();
    }

    /** Sets the next briefing instants from the local times: the next occurrence strictly after {@code now}. */
    void reschedule(Instant now) {
        nextMorningBriefingAt = next(morningBriefingTime, now);
        nextEveningUpdateAt = next(eveningUpdateTime, now);
    }

    Instant next(LocalTime at, Instant now) {
        ZonedDateTime local = now.atZone(zone());
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), at, zone());
        if (!candidate.toInstant().isAfter(now)) {
            candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), at, zone());
        }
        return candidate.toInstant();
    }
}
