-- #21: catalog search under load.
--
-- The location filter matches words: each word of "New York" or "san fran" is the start of a word of the
-- posting's location text (raw, city, state, country code). Unlike the trigram LIKE it replaces, a word match is
-- exact in a GIN index, so it can sit in the same index as the full-text vectors: a query word and a place are
-- then intersected inside one index scan (the rarer one skips through the other's entries), and no row is
-- re-checked against its out-of-line text vector (a trigram match always is: ~20-100 µs a row).
CREATE FUNCTION posting_place(raw TEXT, city TEXT, state TEXT, country TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('simple', coalesce(raw, '') || ' ' || coalesce(city, '') || ' ' || coalesce(state, '') || ' '
        || coalesce(country, ''));

--
-- The filters on a posting's own short columns go into the same indexes (btree_gin: a trusted extension, like
-- pg_trgm): "registered nurse" + remote was 27,516 nurse postings read from the table to keep 379 remote ones
-- (49 ms at 1,000,000 postings); in one index scan the rarer list skips through the other. Their own btree
-- indexes go: the planner ANDed in their bitmaps (remote postings: a quarter of the catalog, 80 ms to build).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX idx_job_postings_search_filters ON job_postings USING gin (search,
    posting_place(location_raw, location_city, location_state, location_country), location_country,
    work_arrangement, employment_type, experience_level);
CREATE INDEX idx_job_postings_headline_filters ON job_postings USING gin (headline,
    posting_place(location_raw, location_city, location_state, location_country), location_country,
    work_arrangement, employment_type, experience_level);
-- a multicolumn GIN index serves any of its columns alone as well
DROP INDEX idx_job_postings_search;
DROP INDEX idx_job_postings_headline;
DROP INDEX idx_job_postings_location;
DROP INDEX idx_job_postings_country;
DROP INDEX idx_job_postings_work_type;
DROP INDEX idx_job_postings_employment;
DROP INDEX idx_job_postings_experience;

-- more of the words' frequencies for the search's choice between the newest postings and the index
-- (PostingSearch reads pg_stats.most_common_elems: 5,000 words each instead of 1,000)
ALTER TABLE job_postings ALTER COLUMN search SET STATISTICS 500;
ALTER TABLE job_postings ALTER COLUMN headline SET STATISTICS 500;
