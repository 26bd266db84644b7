-- V4's index on employment_type, on a reused benchmark database.
CREATE INDEX IF NOT EXISTS idx_job_postings_employment ON job_postings (employment_type);
ANALYZE job_postings;
