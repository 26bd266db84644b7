-- V6: goals and their milestones (003 Goal, Milestone). V5 is the notifications migration.
--
-- Progress is computed from the user's applications, never stored as a counter: target_metrics holds the
-- target ({"target": 5}); progress_data holds what cannot be computed (the manual "current" of a custom goal,
-- the ISO weeks in which a weekly goal was met). A goal's window: applications_per_week counts the current
-- ISO week (Monday 00:00 to Monday 00:00) in the goal's time_zone (UTC unless the user gives one); the other
-- types count from starts_on (else created_at) to the end of target_date (else now).

CREATE TABLE goals (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    title          VARCHAR(200) NOT NULL,
    description    TEXT,
    goal_type      VARCHAR(30) NOT NULL,
    target_metrics JSONB NOT NULL DEFAULT '{}',
    starts_on      DATE,
    target_date    DATE,
    time_zone      VARCHAR(64) NOT NULL DEFAULT 'UTC',
    status         VARCHAR(20) NOT NULL DEFAULT 'active',
    progress_data  JSONB NOT NULL DEFAULT '{}',
    completed_at   TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT goals_type_check CHECK (goal_type IN ('applications_per_week', 'interviews', 'offers', 'custom')),
    CONSTRAINT goals_status_check CHECK (status IN ('active', 'completed', 'abandoned')),
    CONSTRAINT goals_target_check CHECK ((target_metrics ->> 'target')::int > 0),
    CONSTRAINT goals_dates_check CHECK (starts_on IS NULL OR target_date IS NULL OR target_date >= starts_on)
);
CREATE INDEX idx_goals_user_created ON goals (user_id, created_at DESC, id DESC);
CREATE INDEX idx_goals_user_active ON goals (user_id) WHERE status = 'active';

CREATE TABLE milestones (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    goal_id      UUID NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    title        VARCHAR(200) NOT NULL,
    description  TEXT,
    target_date  DATE,
    -- the goal's progress at which the milestone is reached; NULL: a checklist item completed by hand
    target_value INTEGER,
    is_completed BOOLEAN NOT NULL DEFAULT false,
    completed_at TIMESTAMPTZ,
    metadata     JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT milestones_target_value_check CHECK (target_value > 0),
    CONSTRAINT milestones_completed_check CHECK (is_completed = (completed_at IS NOT NULL))
);
CREATE INDEX idx_milestones_user_goal ON milestones (user_id, goal_id, created_at, id);
CREATE INDEX idx_milestones_goal ON milestones (goal_id);
