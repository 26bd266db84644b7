-- V11: what a resume's parse asks its owner to check (issue 15), a JSON array of strings. Resumes typed by hand,
-- imported or parsed before this have none; editing resume_data clears them (the user has checked it).

ALTER TABLE resumes
    ADD COLUMN parse_warnings JSONB NOT NULL DEFAULT '[]'
        CONSTRAINT resumes_parse_warnings_check CHECK (jsonb_typeof(parse_warnings) = 'array');
