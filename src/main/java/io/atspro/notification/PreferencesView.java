package io.atspro.notification;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Notification preferences as the API shows them: times as HH:mm in {@code time_zone}. */
public record PreferencesView(boolean emailEnabled, boolean pushEnabled, boolean inAppEnabled,
        boolean jobStatusChangeEnabled, boolean applicationUpdateEnabled, boolean interviewReminderEnabled,
        boolean newJobMatchEnabled, boolean applicationDeadlineEnabled, boolean skillGapReportEnabled,
        boolean systemAnnouncementEnabled, boolean morningBriefingEnabled, boolean eveningUpdateEnabled,
        boolean goalMilestoneEnabled, String morningBriefingTime, String eveningUpdateTime, String quietHoursStart,
        String quietHoursEnd, String digestFrequency, String timeZone, Instant nextMorningBriefingAt,
        Instant nextEveningUpdateAt) {

    static PreferencesView of(NotificationPreferences p) {
        return new PreferencesView(p.emailEnabled, p.pushEnabled, p.inAppEnabled, p.jobStatusChangeEnabled,
                p.applicationUpdateEnabled, p.interviewReminderEnabled, p.newJobMatchEnabled,
                p.applicationDeadlineEnabled, p.skillGapReportEnabled, p.systemAnnouncementEnabled,
                p.morningBriefingEnabled, p.eveningUpdateEnabled, p.goalMilestoneEnabled, hm(p.morningBriefingTime),
                hm(p.eveningUpdateTime), hm(p.quietHoursStart), hm(p.quietHoursEnd), p.digestFrequency, p.timeZone,
                p.morningBriefingEnabled ? p.nextMorningBriefingAt : null,
                p.eveningUpdateEnabled ? p.nextEveningUpdateAt : null);
    }

    private static String hm(LocalTime t) {
        return t == null ? null : String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    /** A merge patch: absent fields stay; quiet hours are cleared with "". */
    @Schema(name = "NotificationPreferencesPatch")
    public record Patch(Boolean emailEnabled, Boolean pushEnabled, Boolean inAppEnabled,
            Boolean jobStatusChangeEnabled, Boolean applicationUpdateEnabled, Boolean interviewReminderEnabled,
            Boolean newJobMatchEnabled, Boolean applicationDeadlineEnabled, Boolean skillGapReportEnabled,
            Boolean systemAnnouncementEnabled, Boolean morningBriefingEnabled, Boolean eveningUpdateEnabled,
            Boolean goalMilestoneEnabled,
            @Size(max = 5) String morningBriefingTime, @Size(max = 5) String eveningUpdateTime,
            @Size(max = 5) String quietHoursStart, @Size(max = 5) String quietHoursEnd,
            @Pattern(regexp = "none|daily|weekly", message = "must be one of none, daily, weekly") String digestFrequency,
            @Size(max = 64) String timeZone) {

        void applyTo(NotificationPreferences p) {
            p.emailEnabled = or(emailEnabled, p.emailEnabled);
            p.pushEnabled = or(pushEnabled, p.pushEnabled);
            p.inAppEnabled = or(inAppEnabled, p.inAppEnabled);
            p.jobStatusChangeEnabled = or(jobStatusChangeEnabled, p.jobStatusChangeEnabled);
            p.applicationUpdateEnabled = or(applicationUpdateEnabled, p.applicationUpdateEnabled);
            p.interviewReminderEnabled = or(interviewReminderEnabled, p.interviewReminderEnabled);
            p.newJobMatchEnabled = or(newJobMatchEnabled, p.newJobMatchEnabled);
            p.applicationDeadlineEnabled = or(applicationDeadlineEnabled, p.applicationDeadlineEnabled);
            p.skillGapReportEnabled = or(skillGapReportEnabled, p.skillGapReportEnabled);
            p.systemAnnouncementEnabled = or(systemAnnouncementEnabled, p.systemAnnouncementEnabled);
            p.morningBriefingEnabled = or(morningBriefingEnabled, p.morningBriefingEnabled);
            p.eveningUpdateEnabled = or(eveningUpdateEnabled, p.eveningUpdateEnabled);
            p.goalMilestoneEnabled = or(goalMilestoneEnabled, p.goalMilestoneEnabled);
            if (digestFrequency != null) {
                p.digestFrequency = digestFrequency;
            }
        }

        private static boolean or(Boolean value, boolean old) {
            return value != null ? value : old;
        }
    }
}
