-- V7: analytics. Events of the users' main actions (003 Analytics, partitioned by month as 003 proposes),
-- the daily per-user rollup (001 user_analytics) and the per-user application figures (004 user_application_stats).

-- Events: appended often, read by user and time, dropped a month at a time. The primary key must carry the
-- partition key. Rows whose month has no partition yet land in the DEFAULT partition instead of failing; the
-- partitions job moves them out when it creates their month.
CREATE TABLE analytics_events (
    id          UUID NOT NULL DEFAULT gen_random_uuid(),
    user_id     TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    event_type  VARCHAR(50) NOT NULL,
    entity_type VARCHAR(30),
    entity_id   TEXT,
    data        JSONB NOT NULL DEFAULT '{}',
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX idx_analytics_events_user ON analytics_events (user_id, occurred_at DESC);
CREATE INDEX idx_analytics_events_type ON analytics_events (event_type, occurred_at);
CREATE TABLE analytics_events_default PARTITION OF analytics_events DEFAULT;

-- Creates the monthly partitions (UTC months) from the current month to months_ahead months later, named
-- analytics_events_yYYYYmMM, and returns the names it created. Rows of such a month already sitting in the
-- DEFAULT partition are moved into the new partition first, so attaching it cannot fail on them.
CREATE FUNCTION analytics_ensure_partitions(months_ahead INTEGER) RETURNS SETOF TEXT
LANGUAGE plpgsql AS $$
DECLARE
    first_month DATE := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    month_start DATE;
    lo TIMESTAMPTZ;
    hi TIMESTAMPTZ;
    part TEXT;
BEGIN
    IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 24 THEN
        RAISE EXCEPTION 'months_ahead must be between 0 and 24, was %', months_ahead;
    END IF;
    FOR i IN 0..months_ahead LOOP
        month_start := (first_month + make_interval(months => i))::date;
        lo := month_start::timestamp AT TIME ZONE 'UTC';
        hi := (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        part := format('analytics_events_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        IF to_regclass(part) IS NULL THEN
            EXECUTE format('CREATE TABLE %I (LIKE analytics_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
            EXECUTE format('WITH moved AS (DELETE FROM analytics_events_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING *) '
                           'INSERT INTO %I SELECT * FROM moved', lo, hi, part);
            EXECUTE format('ALTER TABLE analytics_events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
            RETURN NEXT part;
        END IF;
    END LOOP;
END
$$;

SELECT analytics_ensure_partitions(2);

-- 001's daily rollup, one row per user per day (UTC), written by the rollup job (an idempotent upsert).
CREATE TABLE user_analytics (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                 TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    metric_date             DATE NOT NULL,
    applications_submitted  INTEGER NOT NULL DEFAULT 0,
    jobs_discovered         INTEGER NOT NULL DEFAULT 0,
    resumes_generated       INTEGER NOT NULL DEFAULT 0,
    cover_letters_generated INTEGER NOT NULL DEFAULT 0,
    interviews_scheduled    INTEGER NOT NULL DEFAULT 0,
    offers_received         INTEGER NOT NULL DEFAULT 0,
    response_rate           NUMERIC(5, 4),
    time_saved_minutes      INTEGER NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT user_analytics_user_date_unique UNIQUE (user_id, metric_date),
    CONSTRAINT user_analytics_response_rate_check CHECK (response_rate BETWEEN 0 AND 1)
);
CREATE INDEX idx_user_analytics_date ON user_analytics (metric_date);

-- The daily rollup reads a day of status changes across all users.
CREATE INDEX idx_status_history_created ON application_status_history (created_at);

-- 004's per-user figures in this schema's status vocabulary, for the admin overview. Refreshed CONCURRENTLY
-- on a schedule (readers are never blocked), which needs the unique index.
CREATE MATERIALIZED VIEW user_application_stats AS
SELECT user_id,
       count(*)                                                          AS total_applications,
       count(*) FILTER (WHERE applied_at IS NOT NULL)                    AS submitted_count,
       count(*) FILTER (WHERE status = 'applied')                        AS applied_count,
       count(*) FILTER (WHERE status = 'screening')                      AS screening_count,
       count(*) FILTER (WHERE status = 'interviewing')                   AS interview_count,
       count(*) FILTER (WHERE status = 'offered')                        AS offered_count,
       count(*) FILTER (WHERE status = 'accepted')                       AS accepted_count,
       count(*) FILTER (WHERE status = 'rejected')                       AS rejected_count,
       count(*) FILTER (WHERE response_date IS NOT NULL OR status = 'rejected') AS responded_count,
       max(applied_at)                                                   AS last_applied_at,
       now()                                                             AS refreshed_at
FROM applications
GROUP BY user_id;
CREATE UNIQUE INDEX ux_user_application_stats_user ON user_application_stats (user_id);
