package io.atspro.notification;

import java.util.Arrays;
import java.util.Optional;

/** What a notification is about (seed 003's types, plus goal milestones); each can be turned off. */
public enum NotificationType {
    JOB_STATUS_CHANGE,
    APPLICATION_UPDATE,
    INTERVIEW_REMINDER,
    NEW_JOB_MATCH,
    APPLICATION_DEADLINE,
    SKILL_GAP_REPORT,
    SYSTEM_ANNOUNCEMENT,
    MORNING_BRIEFING,
    EVENING_UPDATE,
    GOAL_MILESTONE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<NotificationType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }

    static final String CODES = "job_status_change|application_update|interview_reminder|new_job_match|"
            + "application_deadline|skill_gap_report|system_announcement|morning_briefing|evening_update|goal_milestone";
}
