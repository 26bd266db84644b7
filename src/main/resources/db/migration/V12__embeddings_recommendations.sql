-- V12: vectors of postings and users (all-MiniLM-L6-v2, 384 dimensions) kept in plain PostgreSQL — pgvector is not
-- assumed — ranked in the service behind io.atspro.posting.PostingVectors; recommendation dismissals and mutes.

-- one vector per posting: 384 signed bytes and a scale (v[i] = scale * q[i]); the nearest-neighbour query reads
-- the lists (k-means cells of the inverted-file index, posting_vector_lists) nearest to the query
CREATE TABLE posting_embeddings (
    posting_id   UUID PRIMARY KEY REFERENCES job_postings (id) ON DELETE CASCADE,
    -- the posting's content_hash when it was embedded: a changed posting differs and is embedded again
    content_hash VARCHAR(64) NOT NULL,
    model        VARCHAR(60) NOT NULL,
    -- the index list the vector belongs to; 0 while no index is trained (every vector is read)
    list_no      INTEGER NOT NULL DEFAULT 0,
    scale        REAL NOT NULL,
    vector       BYTEA NOT NULL,
    -- the vocabulary's skills named by the posting, most named first (skill overlap of recommendations)
    skills       TEXT[] NOT NULL DEFAULT '{}',
    embedded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT posting_embeddings_vector_size CHECK (octet_length(vector) = 384)
);
CREATE INDEX idx_posting_embeddings_list ON posting_embeddings (list_no);

-- the centroids of the inverted-file index (float32 little-endian), replaced together when it is trained again
CREATE TABLE posting_vector_lists (
    list_no      INTEGER PRIMARY KEY,
    centroid     BYTEA NOT NULL,
    trained_at   TIMESTAMPTZ NOT NULL,
    trained_rows INTEGER NOT NULL,
    CONSTRAINT posting_vector_lists_size CHECK (octet_length(centroid) = 1536)
);

-- the vector of a user: their active resume and profile; source_hash tells when it is out of date
CREATE TABLE user_embeddings (
    user_id     TEXT PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE,
    source_hash VARCHAR(64) NOT NULL,
    model       VARCHAR(60) NOT NULL,
    scale       REAL NOT NULL,
    vector      BYTEA NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT user_embeddings_vector_size CHECK (octet_length(vector) = 384)
);

CREATE TABLE recommendation_dismissals (
    user_id    TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    posting_id UUID NOT NULL REFERENCES job_postings (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, posting_id)
);

-- a company or a job title the user never wants recommended (matched case-insensitively, titles as a phrase)
CREATE TABLE recommendation_mutes (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    kind       VARCHAR(10) NOT NULL,
    value      VARCHAR(300) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT recommendation_mutes_kind_check CHECK (kind IN ('company', 'title'))
);
CREATE UNIQUE INDEX idx_recommendation_mutes_unique ON recommendation_mutes (user_id, kind, lower(value));
