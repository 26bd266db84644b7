-- Narrow heap rows: descriptions and their tsvector go out of line, so a search that checks thousands of rows
-- reads a tenth of the pages. Brings a reused benchmark database to V4's storage setting (rewrites the table).
ALTER TABLE job_postings SET (toast_tuple_target = 256);
VACUUM FULL job_postings;
ANALYZE job_postings;
