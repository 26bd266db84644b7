-- V4: the job-posting catalog (001 companies / job_postings / job_search_preferences / platform_metrics,
-- 004 jobs catalog + crawler_jobs as scrape_runs), and the scrape sources that feed it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE companies (
    id                   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name                 VARCHAR(255) NOT NULL,
    -- lower-cased, whitespace-collapsed name: one company row per employer across boards
    normalized_name      VARCHAR(255) NOT NULL UNIQUE,
    domain               VARCHAR(255),
    industry             VARCHAR(100),
    size_category        VARCHAR(20),
    headquarters_city    VARCHAR(100),
    headquarters_country VARCHAR(50),
    description          TEXT,
    logo_url             VARCHAR(500),
    career_page_url      VARCHAR(500),
    glassdoor_rating     NUMERIC(3, 2),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT companies_size_check CHECK (size_category IN ('startup', 'small', 'medium', 'large', 'enterprise'))
);
CREATE INDEX idx_companies_domain ON companies (domain);
CREATE INDEX idx_companies_industry ON companies (industry);
CREATE INDEX idx_companies_name_trgm ON companies USING gin (name gin_trgm_ops);

CREATE TABLE scrape_sources (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    platform      VARCHAR(20) NOT NULL,
    -- the board token (greenhouse, lever, ashby) or the career page URL (jsonld)
    board         VARCHAR(500) NOT NULL,
    company_name  VARCHAR(255),
    enabled       BOOLEAN NOT NULL DEFAULT true,
    -- Quartz cron; null = the configured default schedule
    schedule      VARCHAR(100),
    next_run_at   TIMESTAMPTZ,
    last_run_at   TIMESTAMPTZ,
    last_status   VARCHAR(20),
    created_by    TEXT REFERENCES "user" (id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT scrape_sources_platform_check CHECK (platform IN ('greenhouse', 'lever', 'ashby', 'jsonld')),
    CONSTRAINT scrape_sources_board_unique UNIQUE (platform, board)
);
CREATE INDEX idx_scrape_sources_due ON scrape_sources (next_run_at) WHERE enabled;

CREATE TABLE scrape_runs (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    source_id        UUID NOT NULL REFERENCES scrape_sources (id) ON DELETE CASCADE,
    task_id          UUID REFERENCES tasks (id) ON DELETE SET NULL,
    trigger          VARCHAR(20) NOT NULL,
    status           VARCHAR(20) NOT NULL DEFAULT 'queued',
    jobs_found       INTEGER NOT NULL DEFAULT 0,
    jobs_new         INTEGER NOT NULL DEFAULT 0,
    jobs_updated     INTEGER NOT NULL DEFAULT 0,
    jobs_unchanged   INTEGER NOT NULL DEFAULT 0,
    jobs_closed      INTEGER NOT NULL DEFAULT 0,
    errors           INTEGER NOT NULL DEFAULT 0,
    requests         INTEGER NOT NULL DEFAULT 0,
    rate_limit_hits  INTEGER NOT NULL DEFAULT 0,
    fetch_ms         INTEGER,
    write_ms         INTEGER,
    error_message    TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    CONSTRAINT scrape_runs_trigger_check CHECK (trigger IN ('schedule', 'manual')),
    CONSTRAINT scrape_runs_status_check CHECK (status IN ('queued', 'running', 'succeeded', 'failed'))
);
-- one run of a source at a time, whichever replica started it
CREATE UNIQUE INDEX idx_scrape_runs_one_open ON scrape_runs (source_id) WHERE status IN ('queued', 'running');
CREATE INDEX idx_scrape_runs_source ON scrape_runs (source_id, created_at DESC);

CREATE TABLE platform_metrics (
    id                       UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    platform_name            VARCHAR(50) NOT NULL,
    metric_date              DATE NOT NULL,
    total_jobs_scraped       INTEGER NOT NULL DEFAULT 0,
    successful_scrapes       INTEGER NOT NULL DEFAULT 0,
    failed_scrapes           INTEGER NOT NULL DEFAULT 0,
    rate_limit_hits          INTEGER NOT NULL DEFAULT 0,
    detection_events         INTEGER NOT NULL DEFAULT 0,
    requests                 INTEGER NOT NULL DEFAULT 0,
    total_response_time_ms   BIGINT NOT NULL DEFAULT 0,
    average_response_time_ms INTEGER GENERATED ALWAYS AS (
        CASE WHEN requests > 0 THEN (total_response_time_ms / requests)::integer END) STORED,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT platform_metrics_day_unique UNIQUE (platform_name, metric_date)
);
CREATE INDEX idx_platform_metrics_date ON platform_metrics (metric_date);

CREATE TABLE job_postings (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id        UUID NOT NULL REFERENCES companies (id),
    source_id         UUID REFERENCES scrape_sources (id) ON DELETE SET NULL,
    source_platform   VARCHAR(50) NOT NULL,
    external_id       VARCHAR(255) NOT NULL,
    title             VARCHAR(300) NOT NULL,
    company_name      VARCHAR(255) NOT NULL,
    description       TEXT NOT NULL,
    requirements      TEXT,
    benefits          TEXT,
    salary_min        NUMERIC(12, 2),
    salary_max        NUMERIC(12, 2),
    salary_currency   VARCHAR(3),
    salary_interval   VARCHAR(10),
    -- the top of the range per year, for the minimum-salary filter across hourly and yearly postings
    salary_annual_max INTEGER GENERATED ALWAYS AS ((coalesce(salary_max, salary_min) * CASE salary_interval
        WHEN 'hour' THEN 2080 WHEN 'day' THEN 260 WHEN 'week' THEN 52 WHEN 'month' THEN 12 ELSE 1 END)::integer) STORED,
    experience_level  VARCHAR(20),
    employment_type   VARCHAR(20),
    work_arrangement  VARCHAR(20),
    location_raw      TEXT,
    location_city     VARCHAR(100),
    location_state    VARCHAR(100),
    location_country  VARCHAR(100),
    source_url        TEXT NOT NULL,
    apply_url         TEXT,
    -- when the board says it was posted, else when we first saw it: the recency order of search
    posted_at         TIMESTAMPTZ NOT NULL,
    posted_date       DATE GENERATED ALWAYS AS ((posted_at AT TIME ZONE 'UTC')::date) STORED,
    expires_date      DATE,
    is_active         BOOLEAN NOT NULL DEFAULT true,
    first_seen_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at         TIMESTAMPTZ,
    required_skills   TEXT[] NOT NULL DEFAULT '{}',
    preferred_skills  TEXT[] NOT NULL DEFAULT '{}',
    metadata          JSONB NOT NULL DEFAULT '{}',
    content_hash      VARCHAR(64) NOT NULL,
    -- company + normalized title + location: postings of one job on several boards share it
    dedup_key         VARCHAR(32) NOT NULL,
    -- the one posting of a dedup group that search shows (the earliest seen active one)
    is_primary        BOOLEAN NOT NULL DEFAULT true,
    headline          TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', company_name), 'B')) STORED,
    search            TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', company_name), 'B') ||
        setweight(to_tsvector('english', left(description, 20000)), 'D')) STORED,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT job_postings_source_unique UNIQUE (source_platform, external_id),
    CONSTRAINT job_postings_experience_check
        CHECK (experience_level IN ('internship', 'entry', 'mid', 'senior', 'lead', 'executive')),
    CONSTRAINT job_postings_employment_check
        CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'internship', 'temporary')),
    CONSTRAINT job_postings_arrangement_check CHECK (work_arrangement IN ('remote', 'hybrid', 'onsite')),
    CONSTRAINT job_postings_interval_check CHECK (salary_interval IN ('year', 'month', 'week', 'day', 'hour'))
);
-- what search shows: the active, primary postings, newest first (keyset order)
CREATE INDEX idx_job_postings_listed ON job_postings (posted_at DESC, id DESC) WHERE is_active AND is_primary;
CREATE INDEX idx_job_postings_search ON job_postings USING gin (search);
CREATE INDEX idx_job_postings_headline ON job_postings USING gin (headline);
CREATE INDEX idx_job_postings_title_trgm ON job_postings USING gin (title gin_trgm_ops);
CREATE INDEX idx_job_postings_company_trgm ON job_postings USING gin (company_name gin_trgm_ops);
CREATE INDEX idx_job_postings_company_id ON job_postings (company_id);
CREATE INDEX idx_job_postings_source ON job_postings (source_id, is_active);
CREATE INDEX idx_job_postings_dedup ON job_postings (dedup_key);
-- everything the location filter looks at, lower-cased (the same expression as PostingSearch.LOCATION_TEXT)
CREATE INDEX idx_job_postings_location ON job_postings USING gin ((lower(coalesce(location_raw, '') || ' | '
    || coalesce(location_city, '') || ' | ' || coalesce(location_state, '') || ' | '
    || coalesce(location_country, ''))) gin_trgm_ops);
CREATE INDEX idx_job_postings_country ON job_postings (location_country);
CREATE INDEX idx_job_postings_experience ON job_postings (experience_level);
CREATE INDEX idx_job_postings_work_type ON job_postings (work_arrangement);
CREATE INDEX idx_job_postings_employment ON job_postings (employment_type);
CREATE INDEX idx_job_postings_salary ON job_postings (salary_annual_max) WHERE salary_annual_max IS NOT NULL;

-- the words of active postings' titles and company names (stemmed, as in the headline vector), for the typo
-- fallback: a query word the catalog does not know is replaced by the most similar one it does
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY,
    ndoc INTEGER NOT NULL
);
CREATE INDEX idx_search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);

CREATE TABLE job_search_preferences (
    id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    search_name        VARCHAR(100) NOT NULL,
    -- websearch syntax: words, "phrases", or, -excluded
    query              VARCHAR(500),
    target_companies   TEXT[] NOT NULL DEFAULT '{}',
    excluded_companies TEXT[] NOT NULL DEFAULT '{}',
    min_salary         INTEGER,
    experience_levels  TEXT[] NOT NULL DEFAULT '{}',
    work_arrangements  TEXT[] NOT NULL DEFAULT '{}',
    employment_types   TEXT[] NOT NULL DEFAULT '{}',
    locations          TEXT[] NOT NULL DEFAULT '{}',
    is_active          BOOLEAN NOT NULL DEFAULT true,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_job_search_prefs_user ON job_search_preferences (user_id, created_at DESC);
CREATE INDEX idx_job_search_prefs_active ON job_search_preferences (is_active);

-- the user's side now points at the catalog
ALTER TABLE jobs ADD CONSTRAINT jobs_posting_fk
    FOREIGN KEY (posting_id) REFERENCES job_postings (id) ON DELETE SET NULL;
ALTER TABLE applications ADD CONSTRAINT applications_posting_fk
    FOREIGN KEY (posting_id) REFERENCES job_postings (id) ON DELETE SET NULL;
ALTER TABLE optimization_results ADD CONSTRAINT optimization_results_posting_fk
    FOREIGN KEY (posting_id) REFERENCES job_postings (id) ON DELETE SET NULL;
CREATE INDEX idx_applications_user_posting ON applications (user_id, posting_id) WHERE posting_id IS NOT NULL;
