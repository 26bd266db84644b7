-- V10: data portability. One row per export a user asked for; the zip itself is in S3 under the user's prefix.

CREATE TABLE data_exports (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    task_id       UUID REFERENCES tasks (id) ON DELETE SET NULL,
    status        VARCHAR(20) NOT NULL DEFAULT 'pending',
    object_key    TEXT,
    size_bytes    BIGINT,
    tables        INTEGER,
    files         INTEGER,
    error_message TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at  TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ,
    CONSTRAINT data_exports_status_check CHECK (status IN ('pending', 'completed', 'failed', 'expired'))
);
CREATE INDEX idx_data_exports_user ON data_exports (user_id, created_at DESC);
CREATE INDEX idx_data_exports_expiry ON data_exports (expires_at) WHERE status = 'completed';
