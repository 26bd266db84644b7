-- Brings a catalog benchmark database loaded before the search rework up to V4 as it is now, without reloading
-- it: ./mvnw -Pbench -Dbench.args="--reuse --prepare src/test/resources/bench/catch-up-v4-search.sql"
DROP INDEX IF EXISTS idx_job_postings_location;
CREATE INDEX IF NOT EXISTS idx_job_postings_location_text ON job_postings USING gin ((lower(coalesce(location_raw, '')
    || ' | ' || coalesce(location_city, '') || ' | ' || coalesce(location_state, '') || ' | '
    || coalesce(location_country, ''))) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS idx_job_postings_country ON job_postings (location_country);
CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY, ndoc INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS idx_search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);
INSERT INTO search_terms (term, ndoc) SELECT word, ndoc FROM ts_stat('SELECT headline FROM job_postings')
    ON CONFLICT (term) DO NOTHING;
ANALYZE job_postings;
ANALYZE search_terms;
