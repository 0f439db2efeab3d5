-- This server's Ed25519 signing key (trusts.md): generated at first start, kept for good.
-- The private key is sealed with AES-256-GCM under a key derived from secret_key_base.
CREATE TABLE server_identity (
    server_id          VARCHAR(63) PRIMARY KEY,
    algorithm          VARCHAR(16) NOT NULL,
    public_key         BYTEA       NOT NULL,
    private_key_sealed BYTEA       NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
