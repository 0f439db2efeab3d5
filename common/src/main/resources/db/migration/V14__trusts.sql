-- Trust records (trusts.md "Trust records"): one row per remote server this server trusts.
-- The token for accepting is kept only as its SHA-256 (the remote presents it, we compare hashes in
-- constant time); the token for connecting must be presented, so it is sealed with AES-GCM under a key
-- derived from secret_key_base (io.stratum.core.security.KeySeal). Neither is ever shown again.
CREATE TABLE trust (
    remote_id             text PRIMARY KEY,
    name                  text        NOT NULL,
    kind                  text        NOT NULL,              -- RTS | ETS | CTS | TTS
    endpoint              text        NOT NULL,              -- host:port of the remote's trust link
    client_host           text        NOT NULL DEFAULT '',   -- host shown to clients
    accept_token_sha256   bytea       NOT NULL,
    connect_token_sealed  bytea       NOT NULL,
    enabled               boolean     NOT NULL DEFAULT true,
    allow_trust_search    boolean     NOT NULL DEFAULT false,
    allow_email           boolean     NOT NULL DEFAULT false,
    upstream              boolean     NOT NULL DEFAULT false, -- created from settings.yaml (rts_host, rts_id, rts_token)
    notes                 jsonb       NOT NULL DEFAULT '{}',  -- bookkeeping fields shown in the console
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    updated_by            text        NOT NULL DEFAULT ''
);

-- The SHA-256 of the remote's TLS certificate, pinned after the first successful handshake we dialed
-- (trust on first use); a different certificate later is refused until an administrator changes the
-- endpoint, which clears the pin.
ALTER TABLE trust ADD COLUMN pinned_certificate_sha256 bytea;
