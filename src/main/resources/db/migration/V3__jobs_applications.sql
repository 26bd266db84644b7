-- V3: tracked jobs (002 jobs + 004 saved_jobs), applications with status history (001 + 003 + 004),
-- feedback (003), generated content (001 + 003), optimization results (002 + 000), monthly usage for plan quotas.

CREATE TABLE jobs (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    legacy_id       TEXT UNIQUE,
    task_id         UUID REFERENCES tasks (id) ON DELETE SET NULL,
    status          VARCHAR(20) NOT NULL DEFAULT 'pending',
    source_type     VARCHAR(20) NOT NULL DEFAULT 'url',
    source_url      TEXT,
    source_filename TEXT,
    posting_id      UUID,
    document_id     UUID REFERENCES documents (id) ON DELETE SET NULL,
    parsed_data     JSONB NOT NULL DEFAULT '{}',
    scores          JSONB,
    notes           TEXT,
    error_message   TEXT,
    search          TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(parsed_data ->> 'title', '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(parsed_data ->> 'company', '')), 'A') ||
        setweight(to_tsvector('english', coalesce(parsed_data ->> 'description', '')), 'C')) STORED,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT jobs_status_check CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    CONSTRAINT jobs_source_type_check CHECK (source_type IN ('url', 'document', 'manual', 'catalog')),
    CONSTRAINT jobs_user_posting_unique UNIQUE (user_id, posting_id)
);
CREATE INDEX idx_jobs_user_created ON jobs (user_id, created_at DESC);
CREATE INDEX idx_jobs_status ON jobs (status);
CREATE INDEX idx_jobs_search ON jobs USING gin (search);
CREATE INDEX idx_jobs_user_company ON jobs (user_id, lower(parsed_data ->> 'company'));

CREATE TABLE applications (
    id                       UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                  TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    legacy_id                TEXT UNIQUE,
    job_id                   UUID REFERENCES jobs (id) ON DELETE SET NULL,
    posting_id               UUID,
    company_name             VARCHAR(255) NOT NULL,
    job_title                VARCHAR(255) NOT NULL,
    job_url                  TEXT,
    status                   VARCHAR(20) NOT NULL DEFAULT 'saved',
    application_method       VARCHAR(20) NOT NULL DEFAULT 'manual',
    applied_at               TIMESTAMPTZ,
    response_date            TIMESTAMPTZ,
    interview_dates          TIMESTAMPTZ[] NOT NULL DEFAULT '{}',
    offer_date               TIMESTAMPTZ,
    offer_salary             INTEGER,
    offer_details            JSONB NOT NULL DEFAULT '{}',
    rejection_reason         TEXT,
    notes                    TEXT,
    follow_up_date           DATE,
    resume_id                UUID REFERENCES resumes (id) ON DELETE SET NULL,
    cover_letter_document_id UUID REFERENCES documents (id) ON DELETE SET NULL,
    automation_log           JSONB NOT NULL DEFAULT '[]',
    error_message            TEXT,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT applications_status_check CHECK (status IN ('saved', 'applied', 'screening', 'interviewing', 'offered',
        'accepted', 'rejected', 'withdrawn', 'pending', 'in_progress', 'failed')),
    CONSTRAINT applications_method_check CHECK (application_method IN ('manual', 'automated', 'referral')),
    CONSTRAINT applications_offer_salary_check CHECK (offer_salary >= 0)
);
CREATE INDEX idx_applications_user_status ON applications (user_id, status);
CREATE INDEX idx_applications_user_created ON applications (user_id, created_at DESC);
CREATE INDEX idx_applications_user_applied ON applications (user_id, applied_at DESC);
CREATE INDEX idx_applications_follow_up ON applications (follow_up_date) WHERE follow_up_date IS NOT NULL;
CREATE INDEX idx_applications_job ON applications (job_id) WHERE job_id IS NOT NULL;

CREATE TABLE application_status_history (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    application_id UUID NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    from_status    VARCHAR(20),
    to_status      VARCHAR(20) NOT NULL,
    notes          TEXT,
    changed_by     VARCHAR(20) NOT NULL DEFAULT 'user',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT status_history_changed_by_check CHECK (changed_by IN ('user', 'system', 'automatic'))
);
CREATE INDEX idx_status_history_application ON application_status_history (application_id, created_at);
CREATE INDEX idx_status_history_user ON application_status_history (user_id, created_at DESC);

CREATE TABLE feedback (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    application_id UUID REFERENCES applications (id) ON DELETE CASCADE,
    feedback_type  VARCHAR(30) NOT NULL DEFAULT 'application',
    rating         INTEGER NOT NULL,
    comments       TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT feedback_rating_check CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX idx_feedback_application ON feedback (application_id, created_at);

CREATE TABLE generated_content (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    application_id    UUID REFERENCES applications (id) ON DELETE SET NULL,
    job_id            UUID REFERENCES jobs (id) ON DELETE SET NULL,
    resume_id         UUID REFERENCES resumes (id) ON DELETE SET NULL,
    content_type      VARCHAR(30) NOT NULL,
    content_text      TEXT NOT NULL,
    document_id       UUID REFERENCES documents (id) ON DELETE SET NULL,
    generation_prompt TEXT,
    model_used        VARCHAR(100),
    tokens_used       INTEGER NOT NULL DEFAULT 0,
    metadata          JSONB NOT NULL DEFAULT '{}',
    user_approved     BOOLEAN NOT NULL DEFAULT false,
    user_edited       BOOLEAN NOT NULL DEFAULT false,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT generated_content_type_check CHECK (content_type IN ('cover_letter', 'follow_up_email', 'tailored_resume'))
);
CREATE INDEX idx_generated_content_user ON generated_content (user_id, created_at DESC);

CREATE TABLE optimization_results (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    resume_id   UUID NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
    job_id      UUID REFERENCES jobs (id) ON DELETE CASCADE,
    posting_id  UUID,
    result_type VARCHAR(20) NOT NULL DEFAULT 'score',
    result_data JSONB NOT NULL,
    legacy_id   TEXT UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT optimization_results_type_check CHECK (result_type IN ('optimization', 'research', 'score', 'analysis'))
);
CREATE INDEX idx_optimization_results_resume ON optimization_results (user_id, resume_id, created_at DESC);
CREATE INDEX idx_optimization_results_job ON optimization_results (user_id, job_id, created_at DESC);

ALTER TABLE documents
    ADD CONSTRAINT fk_documents_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE SET NULL,
    ADD CONSTRAINT fk_documents_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE SET NULL;

-- What a user used of their plan's monthly quotas (generations, match scores, ...).
CREATE TABLE usage_counters (
    user_id      TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    metric       VARCHAR(40) NOT NULL,
    period_start DATE NOT NULL,
    used         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, metric, period_start)
);
