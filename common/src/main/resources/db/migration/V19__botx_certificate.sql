-- The BotX certificate chain and key set in the console (admin-guide "Server"), beside the trust TLS
-- certificate and in the same shape: the key sealed under secret_key_base. One row; none until set.
CREATE TABLE botx_certificate (
    id                 SMALLINT     PRIMARY KEY CHECK (id = 1),
    certificate_pem    TEXT         NOT NULL,
    private_key_sealed BYTEA        NOT NULL,
    subject            VARCHAR(512) NOT NULL,
    not_after          TIMESTAMPTZ  NOT NULL,
    fingerprint        CHAR(64)     NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by         VARCHAR(64)  NOT NULL
);
