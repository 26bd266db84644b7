-- Single-use tickets for browsers whose EventSource cannot send a bearer token: POST /notifications/stream-ticket
-- issues one (its SHA-256 is stored, never the ticket), GET /notifications/stream?ticket= redeems it by deleting it.
-- They live seconds; a user's expired ones are dropped whenever that user is issued another.
CREATE TABLE notification_stream_tickets (
    ticket_hash BYTEA PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX notification_stream_tickets_user ON notification_stream_tickets (user_id, expires_at);
