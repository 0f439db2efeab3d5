-- The audit log (admin.md "Audit"): connection events and administrator actions in one append-only,
-- hash-chained table. Each row stores the SHA-256 of the previous row's hash and its own canonical
-- content (io.stratum.core.audit.AuditChain), so any later change, insertion or removal is detected.
CREATE TABLE audit_log (
    seq       BIGINT       PRIMARY KEY,
    at        TIMESTAMPTZ  NOT NULL,
    category  VARCHAR(16)  NOT NULL,
    action    VARCHAR(64)  NOT NULL,
    actor     VARCHAR(128) NOT NULL DEFAULT '',
    device    VARCHAR(128) NOT NULL DEFAULT '',
    ip        VARCHAR(64)  NOT NULL DEFAULT '',
    target    VARCHAR(256) NOT NULL DEFAULT '',
    result    VARCHAR(16)  NOT NULL,
    details   TEXT         NOT NULL,
    prev_hash CHAR(64)     NOT NULL,
    hash      CHAR(64)     NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor);

-- The owner of a table cannot be denied UPDATE/DELETE with REVOKE, so a trigger refuses them.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
