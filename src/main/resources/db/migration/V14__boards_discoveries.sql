-- V14: the boards of Workday, SmartRecruiters, Workable, Recruitee, Personio and Teamtailor as scrape sources, and
-- discoveries: job searches a user starts (seed 004's crawler_jobs), with the postings each found.

ALTER TABLE scrape_sources DROP CONSTRAINT scrape_sources_platform_check;
ALTER TABLE scrape_sources ADD CONSTRAINT scrape_sources_platform_check CHECK (platform IN ('greenhouse', 'lever',
    'ashby', 'jsonld', 'workday', 'smartrecruiters', 'workable', 'recruitee', 'personio', 'teamtailor'));

CREATE TABLE crawler_jobs (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    task_id       UUID REFERENCES tasks (id) ON DELETE SET NULL,
    search_query  VARCHAR(200) NOT NULL,
    location      VARCHAR(200),
    -- the platforms whose configured sources were searched on the board (empty: the catalog only)
    sources       TEXT[] NOT NULL DEFAULT '{}',
    status        VARCHAR(20) NOT NULL DEFAULT 'queued',
    -- postings the discovery found (catalog and boards, each once) and how many of them the catalog lacked
    jobs_found    INTEGER NOT NULL DEFAULT 0,
    jobs_new      INTEGER NOT NULL DEFAULT 0,
    boards_searched INTEGER NOT NULL DEFAULT 0,
    boards_failed INTEGER NOT NULL DEFAULT 0,
    error_message TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    completed_at  TIMESTAMPTZ,
    CONSTRAINT crawler_jobs_status_check CHECK (status IN ('queued', 'running', 'succeeded', 'failed'))
);
CREATE INDEX idx_crawler_jobs_user ON crawler_jobs (user_id, created_at DESC, id DESC);

-- a discovery's results in the order it ranked them
CREATE TABLE crawler_job_results (
    crawler_job_id UUID NOT NULL REFERENCES crawler_jobs (id) ON DELETE CASCADE,
    posting_id     UUID NOT NULL REFERENCES job_postings (id) ON DELETE CASCADE,
    rank           INTEGER NOT NULL,
    is_new         BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (crawler_job_id, posting_id)
);
CREATE INDEX idx_crawler_job_results_rank ON crawler_job_results (crawler_job_id, rank);
CREATE INDEX idx_crawler_job_results_posting ON crawler_job_results (posting_id);
