-- Settings an administrator changes at run time (console), applied without a restart.
-- Each change bumps the version and is kept in the history: who changed what, when, from what.
CREATE TABLE runtime_setting (
    name        text PRIMARY KEY,
    value       jsonb       NOT NULL,
    version     integer     NOT NULL,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE runtime_setting_history (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    version     integer     NOT NULL,
    value       jsonb       NOT NULL,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);
