-- Corporate address book and the directory (AD/LDAP) integration (messaging.md: Accounts, Address book).

-- A chat user that came from the directory carries the directory's stable id of the person
-- (entryUUID, objectGUID...) and the login typed at directory login.
ALTER TABLE chat_user ADD COLUMN directory_id    text UNIQUE;
ALTER TABLE chat_user ADD COLUMN directory_login text;
CREATE INDEX chat_user_by_directory_login ON chat_user (lower(directory_login));

CREATE TABLE address_book_entry (
    id             uuid PRIMARY KEY,
    name           text        NOT NULL DEFAULT '',
    position       text        NOT NULL DEFAULT '',
    department     text        NOT NULL DEFAULT '',
    company        text        NOT NULL DEFAULT '',
    email          text,
    phones         text[]      NOT NULL DEFAULT '{}',
    avatar_file_id text,
    source         text        NOT NULL CHECK (source IN ('directory', 'manual')),
    directory_id   text UNIQUE,                     -- set for source = directory
    huid           uuid REFERENCES chat_user ON DELETE SET NULL,
    -- Everything a search may match, lower-cased, in one column (one index serves every field).
    search_text    text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX address_book_by_name ON address_book_entry (lower(name), id);
CREATE INDEX address_book_by_email ON address_book_entry (lower(email));
CREATE INDEX address_book_by_user ON address_book_entry (huid);

-- A trigram index makes ILIKE '%...%' fast; pg_trgm is a trusted extension (PostgreSQL 13+) but its
-- package (postgresql-contrib) may be missing: search then still works, by a sequential scan.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXECUTE 'CREATE INDEX address_book_search ON address_book_entry USING gin (search_text gin_trgm_ops)';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm not available (%); address book search runs without a trigram index', SQLERRM;
END
$$;

-- Failed directory logins, counted per login and per IP over a sliding window.
CREATE TABLE directory_login_failure (
    id    bigserial   PRIMARY KEY,
    login text        NOT NULL,
    ip    text        NOT NULL,
    at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_login_failure_by_login ON directory_login_failure (login, at);
CREATE INDEX directory_login_failure_by_ip ON directory_login_failure (ip, at);

-- The state of directory synchronisation: one row. running_since is a lease so that one instance
-- syncs at a time; a lease older than the sync timeout is taken over.
CREATE TABLE directory_sync (
    id            integer PRIMARY KEY CHECK (id = 1),
    running_since timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    result        text,                             -- ok | failed
    trigger       text,                             -- schedule | admin
    read_count    integer NOT NULL DEFAULT 0,
    created_count integer NOT NULL DEFAULT 0,
    updated_count integer NOT NULL DEFAULT 0,
    disabled_count integer NOT NULL DEFAULT 0,
    removed_count integer NOT NULL DEFAULT 0,
    skipped_count integer NOT NULL DEFAULT 0,
    error         text
);
INSERT INTO directory_sync (id) VALUES (1);
