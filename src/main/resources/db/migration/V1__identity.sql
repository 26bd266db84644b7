-- V1: identity. The four better-auth tables exactly as seed 000 declares them (quoted camelCase
-- columns, TEXT ids). IF NOT EXISTS everywhere they are touched: an existing better-auth database
-- is adopted in place (Flyway baselines it at version 0, then runs this script over it).

CREATE TABLE IF NOT EXISTS "user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL UNIQUE,
    "emailVerified" BOOLEAN NOT NULL,
    "image" TEXT,
    "createdAt" TIMESTAMP NOT NULL,
    "updatedAt" TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS "session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" TIMESTAMP NOT NULL,
    "token" TEXT NOT NULL UNIQUE,
    "createdAt" TIMESTAMP NOT NULL,
    "updatedAt" TIMESTAMP NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL REFERENCES "user" ("id")
);

CREATE TABLE IF NOT EXISTS "account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL REFERENCES "user" ("id"),
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP,
    "refreshTokenExpiresAt" TIMESTAMP,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP NOT NULL,
    "updatedAt" TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS "verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP NOT NULL,
    "createdAt" TIMESTAMP,
    "updatedAt" TIMESTAMP
);

CREATE INDEX IF NOT EXISTS idx_user_email ON "user" (email);
CREATE INDEX IF NOT EXISTS "idx_session_userId" ON "session" ("userId");
CREATE INDEX IF NOT EXISTS "idx_account_userId" ON "account" ("userId");
-- One ATSPro user per OIDC identity (issuer alias, subject).
CREATE UNIQUE INDEX IF NOT EXISTS ux_account_provider_account ON "account" ("providerId", "accountId");

-- Sessions the user revoked: a token carrying a revoked sid is refused until the session would have expired.
CREATE TABLE revoked_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    revoked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_revoked_sessions_user_id ON revoked_sessions (user_id);

-- The one profile of a user: seed 000 profiles + 001/004 user_profiles + 003 User extras.
CREATE TABLE user_profiles (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                TEXT NOT NULL UNIQUE REFERENCES "user" (id) ON DELETE CASCADE,
    phone                  TEXT,
    location               TEXT,
    location_city          VARCHAR(100),
    location_state         VARCHAR(100),
    location_country       VARCHAR(100),
    title                  VARCHAR(255),
    bio                    TEXT,
    linkedin_url           VARCHAR(500),
    github_url             VARCHAR(500),
    portfolio_url          VARCHAR(500),
    years_experience       INTEGER,
    experience_level       VARCHAR(20),
    willing_to_relocate    BOOLEAN NOT NULL DEFAULT false,
    preferred_work_type    VARCHAR(20),
    target_salary_min      INTEGER,
    target_salary_max      INTEGER,
    target_salary_currency VARCHAR(3) NOT NULL DEFAULT 'USD',
    daily_application_goal INTEGER,
    cover_letter_template  TEXT,
    job_preferences        JSONB NOT NULL DEFAULT '{}',
    preferred_locations    TEXT[] NOT NULL DEFAULT '{}',
    active_resume_id       UUID,
    onboarding_completed   BOOLEAN NOT NULL DEFAULT false,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT user_profiles_years_experience_check CHECK (years_experience BETWEEN 0 AND 70),
    CONSTRAINT user_profiles_experience_level_check
        CHECK (experience_level IN ('entry', 'mid', 'senior', 'lead', 'executive')),
    CONSTRAINT user_profiles_work_type_check CHECK (preferred_work_type IN ('remote', 'hybrid', 'onsite')),
    CONSTRAINT user_profiles_salary_min_check CHECK (target_salary_min >= 0),
    CONSTRAINT user_profiles_salary_range_check CHECK (target_salary_min <= target_salary_max),
    CONSTRAINT user_profiles_daily_goal_check CHECK (daily_application_goal BETWEEN 0 AND 1000)
);

CREATE TABLE user_settings (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       TEXT NOT NULL UNIQUE REFERENCES "user" (id) ON DELETE CASCADE,
    theme         VARCHAR(20) NOT NULL DEFAULT 'light',
    notifications JSONB NOT NULL DEFAULT '{}',
    preferences   JSONB NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT user_settings_theme_check CHECK (theme IN ('light', 'dark', 'system'))
);

CREATE TABLE subscriptions (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    plan                   VARCHAR(50) NOT NULL,
    status                 VARCHAR(20) NOT NULL DEFAULT 'active',
    starts_at              TIMESTAMPTZ NOT NULL,
    ends_at                TIMESTAMPTZ,
    auto_renew             BOOLEAN NOT NULL DEFAULT true,
    stripe_subscription_id VARCHAR(255),
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT subscriptions_plan_check CHECK (plan IN ('free', 'pro', 'premium')),
    CONSTRAINT subscriptions_status_check CHECK (status IN ('active', 'trialing', 'past_due', 'cancelled', 'expired')),
    CONSTRAINT subscriptions_period_check CHECK (ends_at IS NULL OR starts_at <= ends_at)
);
CREATE INDEX idx_subscriptions_user_id ON subscriptions (user_id);
CREATE INDEX idx_subscriptions_status ON subscriptions (status);
-- At most one current subscription per user.
CREATE UNIQUE INDEX ux_subscriptions_user_current ON subscriptions (user_id)
    WHERE status IN ('active', 'trialing', 'past_due');

CREATE TABLE user_skills (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    skill_name        VARCHAR(100) NOT NULL,
    skill_category    VARCHAR(50),
    proficiency_level VARCHAR(20),
    years_experience  NUMERIC(3, 1),
    is_primary        BOOLEAN NOT NULL DEFAULT false,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT user_skills_category_check CHECK (skill_category IN ('technical', 'soft', 'language', 'certification')),
    CONSTRAINT user_skills_proficiency_check
        CHECK (proficiency_level IN ('beginner', 'intermediate', 'advanced', 'expert')),
    CONSTRAINT user_skills_years_check CHECK (years_experience BETWEEN 0 AND 70)
);
CREATE INDEX idx_user_skills_user_id ON user_skills (user_id);
CREATE INDEX idx_user_skills_category ON user_skills (skill_category);
CREATE INDEX idx_user_skills_name ON user_skills (skill_name);
CREATE UNIQUE INDEX ux_user_skills_user_name ON user_skills (user_id, lower(skill_name));

CREATE TABLE user_experiences (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           TEXT NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    company_name      VARCHAR(200) NOT NULL,
    job_title         VARCHAR(200) NOT NULL,
    start_date        DATE NOT NULL,
    end_date          DATE,
    is_current        BOOLEAN NOT NULL DEFAULT false,
    description       TEXT,
    achievements      TEXT[] NOT NULL DEFAULT '{}',
    technologies_used TEXT[] NOT NULL DEFAULT '{}',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT user_experiences_dates_check CHECK (end_date IS NULL OR start_date <= end_date),
    CONSTRAINT user_experiences_current_check CHECK (NOT is_current OR end_date IS NULL)
);
CREATE INDEX idx_user_experiences_user_id ON user_experiences (user_id);
CREATE INDEX idx_user_experiences_current ON user_experiences (is_current);
