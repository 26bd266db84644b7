-- V8: privacy (issue #7): the browser-session vault (001, secrets encrypted by the application), the record of
-- retention runs, and the indexes the retention job's batches need.

CREATE TABLE browser_sessions (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    platform     VARCHAR(50) NOT NULL,
    -- both hold 'v1:<kid>:<base64(iv|ciphertext|tag)>' (AES-256-GCM, FieldCipher); session_data is JSON inside
    cookies      TEXT,
    session_data TEXT,
    user_agent   VARCHAR(500),
    is_active    BOOLEAN NOT NULL DEFAULT true,
    last_used_at TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT browser_sessions_secret_check CHECK (cookies IS NOT NULL OR session_data IS NOT NULL)
);
CREATE INDEX idx_browser_sessions_user ON browser_sessions (user_id, created_at DESC, id DESC);
CREATE INDEX idx_browser_sessions_expires ON browser_sessions (expires_at);
CREATE INDEX idx_browser_sessions_idle ON browser_sessions ((coalesce(last_used_at, created_at)));

-- One row per retention run, with what it removed.
CREATE TABLE retention_runs (
    id                       UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    trigger                  VARCHAR(10) NOT NULL,
    status                   VARCHAR(10) NOT NULL DEFAULT 'running',
    -- the instant the windows were measured back from (the clock's now, or a test's)
    as_of                    TIMESTAMPTZ NOT NULL,
    started_at               TIMESTAMPTZ NOT NULL,
    finished_at              TIMESTAMPTZ,
    postings_deleted         INTEGER NOT NULL DEFAULT 0,
    browser_sessions_deleted INTEGER NOT NULL DEFAULT 0,
    tasks_archived           INTEGER NOT NULL DEFAULT 0,
    tasks_deleted            INTEGER NOT NULL DEFAULT 0,
    notifications_deleted    INTEGER NOT NULL DEFAULT 0,
    objects_deleted          INTEGER NOT NULL DEFAULT 0,
    error_message            TEXT,
    CONSTRAINT retention_runs_trigger_check CHECK (trigger IN ('schedule', 'admin')),
    CONSTRAINT retention_runs_status_check CHECK (status IN ('running', 'completed', 'failed'))
);
CREATE INDEX idx_retention_runs_started ON retention_runs (started_at DESC, id DESC);

-- what the retention batches look for
CREATE INDEX idx_job_postings_closed ON job_postings ((coalesce(closed_at, last_seen_at))) WHERE NOT is_active;
CREATE INDEX idx_jobs_posting ON jobs (posting_id) WHERE posting_id IS NOT NULL;
CREATE INDEX idx_applications_posting ON applications (posting_id) WHERE posting_id IS NOT NULL;
CREATE INDEX idx_tasks_completed ON tasks (completed_at) WHERE status = 'completed';
