-- Administrator console (admin.md): rights, sessions shared by every instance, login throttling,
-- TOTP second factor.
-- role: ADMINISTRATOR (everything), LIMITED (the sections in `sections`), SECURITY (DLP only).
-- sections: comma-separated SECTION:READ|WRITE, e.g. 'AUDIT:READ,MONITORING:WRITE'.
ALTER TABLE administrator ADD COLUMN sections TEXT NOT NULL DEFAULT '';
-- TOTP secrets sealed with AES-GCM under secret_key_base; pending until the first code confirms it.
ALTER TABLE administrator ADD COLUMN totp_secret_sealed BYTEA;
ALTER TABLE administrator ADD COLUMN totp_pending_sealed BYTEA;
-- The last accepted TOTP time step, so that one code cannot be used twice.
ALTER TABLE administrator ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- Sessions: the cookie holds a random token, the table only its SHA-256.
CREATE TABLE admin_session (
    token_hash       CHAR(64)    PRIMARY KEY,
    administrator_id BIGINT      NOT NULL REFERENCES administrator (id) ON DELETE CASCADE,
    csrf_token       VARCHAR(64) NOT NULL,
    ip               VARCHAR(64) NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX admin_session_administrator ON admin_session (administrator_id);

-- Failed logins, counted per login and per IP address over a sliding window (lockout).
CREATE TABLE admin_login_failure (
    id       BIGSERIAL   PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    ip       VARCHAR(64) NOT NULL,
    at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX admin_login_failure_username ON admin_login_failure (username, at);
CREATE INDEX admin_login_failure_ip ON admin_login_failure (ip, at);

-- The trust TLS certificate chain and key set in the console (trusts.md "The link"). One row.
CREATE TABLE trust_certificate (
    id                 SMALLINT     PRIMARY KEY CHECK (id = 1),
    certificate_pem    TEXT         NOT NULL,
    private_key_sealed BYTEA        NOT NULL,
    subject            VARCHAR(512) NOT NULL,
    not_after          TIMESTAMPTZ  NOT NULL,
    fingerprint        CHAR(64)     NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by         VARCHAR(64)  NOT NULL
);
