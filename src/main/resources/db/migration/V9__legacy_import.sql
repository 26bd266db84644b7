-- V9: what the ArangoDB importer (io.atspro.migration) needs. resumes, jobs and applications have had a
-- UNIQUE legacy_id since V2/V3; documents gets one here. optimization_results is filled from two ArangoDB
-- collections (documents of type optimization|research|score, and optimized_resumes) whose _keys are only
-- unique per collection, so its legacy key becomes (legacy_collection, legacy_id). It also gets the
-- updated_at that every other imported table has, so a re-import can show it changed nothing.

ALTER TABLE documents ADD COLUMN legacy_id TEXT UNIQUE;

ALTER TABLE optimization_results
    ADD COLUMN legacy_collection VARCHAR(40),
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    DROP CONSTRAINT optimization_results_legacy_id_key,
    ADD CONSTRAINT optimization_results_legacy_key UNIQUE (legacy_collection, legacy_id),
    ADD CONSTRAINT optimization_results_legacy_pair CHECK ((legacy_id IS NULL) = (legacy_collection IS NULL));

-- One row per import: who ran it, from what, and the summary it returned (counts per collection, failures).
CREATE TABLE import_runs (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    kind        VARCHAR(20) NOT NULL DEFAULT 'arangodb',
    run_by      TEXT NOT NULL,
    source      TEXT NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    summary     JSONB NOT NULL
);
CREATE INDEX idx_import_runs_started ON import_runs (started_at DESC, id);
