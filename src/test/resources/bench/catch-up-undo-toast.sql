-- Undoes an experiment on the benchmark database: toast_tuple_target 256 (descriptions and their tsvector out of
-- line) made searches slower, since description matches then read every candidate's vector from TOAST.
ALTER TABLE job_postings RESET (toast_tuple_target);
VACUUM FULL job_postings;
ANALYZE job_postings;
