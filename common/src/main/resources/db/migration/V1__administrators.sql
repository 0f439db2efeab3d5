-- Console administrators: accounts separate from chat users (admin.md).
CREATE TABLE administrator (
    id                  BIGSERIAL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL UNIQUE,
    password_hash       VARCHAR(100) NOT NULL,
    role                VARCHAR(32)  NOT NULL DEFAULT 'ADMINISTRATOR',
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
