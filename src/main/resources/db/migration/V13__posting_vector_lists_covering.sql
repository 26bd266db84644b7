-- V13: the vectors of one index list side by side. A covering index on list_no holding the vector itself makes a
-- query's read of its nearest lists an index-only scan of a few hundred contiguous pages, instead of one heap page
-- per vector (measured at 1,000,000 postings: 18 ms -> 3 ms in PostgreSQL for 10 lists; README, #16). It doubles
-- the vectors' storage; the plain index on list_no is no longer needed.
CREATE INDEX IF NOT EXISTS idx_posting_embeddings_lists ON posting_embeddings (list_no) INCLUDE (model, scale, posting_id, vector);
DROP INDEX IF EXISTS idx_posting_embeddings_list;
