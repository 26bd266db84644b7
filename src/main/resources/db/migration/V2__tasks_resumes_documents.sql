-- V2: durable background tasks (002 tasks + 001 automation_tasks), resumes (002 + 000) and documents (000 + 003).

CREATE TABLE tasks (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       TEXT REFERENCES "user" (id) ON DELETE CASCADE,
    task_type     VARCHAR(50) NOT NULL,
    status        VARCHAR(20) NOT NULL DEFAULT 'pending',
    priority      INTEGER NOT NULL DEFAULT 0,
    progress      INTEGER NOT NULL DEFAULT 0,
    payload       JSONB NOT NULL DEFAULT '{}',
    result_data   JSONB,
    error_message TEXT,
    retry_count   INTEGER NOT NULL DEFAULT 0,
    max_retries   INTEGER NOT NULL DEFAULT 3,
    scheduled_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    completed_at  TIMESTAMPTZ,
    locked_until  TIMESTAMPTZ,
    locked_by     TEXT,
    expires_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT tasks_status_check CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    CONSTRAINT tasks_progress_check CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT tasks_retries_check CHECK (retry_count >= 0 AND max_retries >= 0)
);
-- What the workers poll: due pending tasks, and running ones whose lease ran out.
CREATE INDEX idx_tasks_due ON tasks (priority DESC, scheduled_at) WHERE status = 'pending';
CREATE INDEX idx_tasks_lease ON tasks (locked_until) WHERE status = 'running';
CREATE INDEX idx_tasks_user ON tasks (user_id, created_at DESC);
CREATE INDEX idx_tasks_expires ON tasks (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE tasks_archive (
    LIKE tasks INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    archived_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id)
);
CREATE INDEX idx_tasks_archive_user ON tasks_archive (user_id);

CREATE TABLE resumes (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    legacy_id     TEXT UNIQUE,
    task_id       UUID REFERENCES tasks (id) ON DELETE SET NULL,
    status        VARCHAR(20) NOT NULL DEFAULT 'pending',
    source        VARCHAR(20) NOT NULL DEFAULT 'upload',
    title         VARCHAR(255),
    version       INTEGER NOT NULL DEFAULT 1,
    is_active     BOOLEAN NOT NULL DEFAULT false,
    resume_data   JSONB NOT NULL DEFAULT '{}',
    file_metadata JSONB,
    error_message TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT resumes_status_check CHECK (status IN ('pending', 'parsing', 'parsed', 'failed', 'manual')),
    CONSTRAINT resumes_source_check CHECK (source IN ('upload', 'manual', 'import')),
    CONSTRAINT resumes_version_check CHECK (version >= 1)
);
CREATE INDEX idx_resumes_user_id ON resumes (user_id, created_at DESC);
CREATE INDEX idx_resumes_status ON resumes (status);
CREATE INDEX idx_resumes_legacy_id ON resumes (legacy_id) WHERE legacy_id IS NOT NULL;
CREATE INDEX idx_resumes_data_skills ON resumes USING gin ((resume_data -> 'skills'));
-- One active resume per user.
CREATE UNIQUE INDEX ux_resumes_user_active ON resumes (user_id) WHERE is_active;

ALTER TABLE user_profiles
    ADD CONSTRAINT fk_user_profiles_active_resume FOREIGN KEY (active_resume_id) REFERENCES resumes (id) ON DELETE SET NULL;

CREATE TABLE documents (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    kind           VARCHAR(20) NOT NULL,
    filename       VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT NOT NULL,
    sha256         VARCHAR(64) NOT NULL,
    storage_key    TEXT NOT NULL UNIQUE,
    resume_id      UUID REFERENCES resumes (id) ON DELETE SET NULL,
    job_id         UUID,
    application_id UUID,
    metadata       JSONB NOT NULL DEFAULT '{}',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT documents_kind_check CHECK (kind IN ('resume', 'cover_letter', 'portfolio', 'other')),
    CONSTRAINT documents_size_check CHECK (size_bytes >= 0)
);
CREATE INDEX idx_documents_user ON documents (user_id, created_at DESC);
CREATE INDEX idx_documents_resume ON documents (resume_id) WHERE resume_id IS NOT NULL;
