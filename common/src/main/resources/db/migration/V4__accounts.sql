-- Chat users, their devices and tokens, and one-time login codes.

CREATE TABLE chat_user (
    huid        uuid PRIMARY KEY,
    email       text UNIQUE,
    phone       text UNIQUE,
    name        text        NOT NULL DEFAULT '',
    company     text        NOT NULL DEFAULT '',
    department  text        NOT NULL DEFAULT '',
    position    text        NOT NULL DEFAULT '',
    source      text        NOT NULL,               -- email | phone | directory
    status      text        NOT NULL DEFAULT 'active', -- active | blocked | disabled
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE device (
    id           uuid PRIMARY KEY,
    huid         uuid        NOT NULL REFERENCES chat_user ON DELETE CASCADE,
    platform     text        NOT NULL,              -- android | ios | web | desktop
    app_version  text        NOT NULL DEFAULT '',
    name         text        NOT NULL DEFAULT '',
    ip           text        NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);
CREATE INDEX device_by_user ON device (huid);

-- Only SHA-256 hashes of tokens are stored.
CREATE TABLE device_token (
    token_hash  bytea PRIMARY KEY,
    device_id   uuid        NOT NULL REFERENCES device ON DELETE CASCADE,
    kind        text        NOT NULL,               -- access | refresh
    expires_at  timestamptz NOT NULL
);
CREATE INDEX device_token_by_device ON device_token (device_id);

-- One-time codes (e-mail PIN, SMS code): HMAC of the code under a server secret, never the code.
CREATE TABLE one_time_code (
    id            bigserial PRIMARY KEY,
    channel       text        NOT NULL,             -- email | sms
    address       text        NOT NULL,
    code_hash     bytea       NOT NULL,
    ip            text        NOT NULL,
    attempts_left integer     NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX one_time_code_by_address ON one_time_code (channel, address, created_at);
CREATE INDEX one_time_code_by_ip ON one_time_code (ip, created_at);
