-- Deadline reminders look for the open postings whose apply-by date falls in the next days
-- (CatalogService.expiringBetween); without an index that was a scan of the whole catalog on every run
-- (3.9 s at 1,000,000 postings, seen in the load benchmark's slow-statement log, #21).
CREATE INDEX idx_job_postings_expires ON job_postings (expires_date) WHERE is_active AND expires_date IS NOT NULL;
