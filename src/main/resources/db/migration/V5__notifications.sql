-- V5: notifications and their preferences (003), with live-delivery bookkeeping; calendar feeds.

CREATE TABLE notifications (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    -- the stream's event id: increases with every notification, so a client resumes after the last it saw
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    user_id      TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    type         VARCHAR(40) NOT NULL,
    priority     VARCHAR(10) NOT NULL DEFAULT 'normal',
    title        VARCHAR(200) NOT NULL,
    message      TEXT NOT NULL,
    is_read      BOOLEAN NOT NULL DEFAULT false,
    read_at      TIMESTAMPTZ,
    data         JSONB NOT NULL DEFAULT '{}',
    action_url   TEXT,
    expires_at   TIMESTAMPTZ,
    -- not shown or streamed before this (the end of the user's quiet hours)
    deliver_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at TIMESTAMPTZ,
    -- makes reminders and briefings idempotent: one per user and key
    dedup_key    VARCHAR(200),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notifications_type_check CHECK (type IN ('job_status_change', 'application_update',
        'interview_reminder', 'new_job_match', 'application_deadline', 'skill_gap_report', 'system_announcement',
        'morning_briefing', 'evening_update', 'goal_milestone')),
    CONSTRAINT notifications_priority_check CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    CONSTRAINT notifications_dedup_unique UNIQUE (user_id, dedup_key)
);
CREATE INDEX idx_notifications_user_seq ON notifications (user_id, seq DESC);
CREATE INDEX idx_notifications_user_unread ON notifications (user_id) WHERE NOT is_read;
CREATE INDEX idx_notifications_waiting ON notifications (deliver_at) WHERE delivered_at IS NULL;
CREATE INDEX idx_notifications_expires ON notifications (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE notification_preferences (
    user_id                      TEXT PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE,
    email_enabled                BOOLEAN NOT NULL DEFAULT true,
    push_enabled                 BOOLEAN NOT NULL DEFAULT true,
    in_app_enabled               BOOLEAN NOT NULL DEFAULT true,
    job_status_change_enabled    BOOLEAN NOT NULL DEFAULT true,
    application_update_enabled   BOOLEAN NOT NULL DEFAULT true,
    interview_reminder_enabled   BOOLEAN NOT NULL DEFAULT true,
    new_job_match_enabled        BOOLEAN NOT NULL DEFAULT true,
    application_deadline_enabled BOOLEAN NOT NULL DEFAULT true,
    skill_gap_report_enabled     BOOLEAN NOT NULL DEFAULT true,
    system_announcement_enabled  BOOLEAN NOT NULL DEFAULT true,
    morning_briefing_enabled     BOOLEAN NOT NULL DEFAULT true,
    evening_update_enabled       BOOLEAN NOT NULL DEFAULT true,
    goal_milestone_enabled       BOOLEAN NOT NULL DEFAULT true,
    morning_briefing_time        TIME NOT NULL DEFAULT '08:00',
    evening_update_time          TIME NOT NULL DEFAULT '18:00',
    quiet_hours_start            TIME,
    quiet_hours_end              TIME,
    digest_frequency             VARCHAR(10) NOT NULL DEFAULT 'daily',
    time_zone                    VARCHAR(64) NOT NULL DEFAULT 'UTC',
    -- the next briefing instants (UTC), kept by the briefing job from the times and the time zone above
    next_morning_briefing_at     TIMESTAMPTZ,
    next_evening_update_at       TIMESTAMPTZ,
    created_at                   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notification_preferences_digest_check CHECK (digest_frequency IN ('none', 'daily', 'weekly'))
);
CREATE INDEX idx_notification_prefs_morning ON notification_preferences (next_morning_briefing_at)
    WHERE morning_briefing_enabled;
CREATE INDEX idx_notification_prefs_evening ON notification_preferences (next_evening_update_at)
    WHERE evening_update_enabled;

-- a secret URL per user for calendar apps; only its SHA-256 is stored
CREATE TABLE calendar_feeds (
    user_id     TEXT PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64) NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    rotated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
