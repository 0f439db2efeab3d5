-- Files sent to chats (attachments). The bytes live in the file store (a local directory or an
-- S3-compatible bucket) under storage_key; this row says who may read them: the members of chat_id.
-- A row is written only after the store holds every byte, so a row always points at a whole object.

CREATE TABLE chat_file (
    id           uuid PRIMARY KEY,
    chat_id      uuid        NOT NULL REFERENCES chat ON DELETE CASCADE,
    uploader     uuid        NOT NULL,            -- HUID of the member who uploaded it
    name         text        NOT NULL,            -- file name as the client gave it (shown, never used as a path)
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size >= 0),
    sha256       text        NOT NULL,            -- hex, of the stored bytes
    storage_key  text        NOT NULL UNIQUE,     -- where the store keeps the bytes
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_file_by_chat ON chat_file (chat_id, created_at);

-- Each user's avatar (one at a time): any user of this server may see it, like the address book.
-- Replacing it stores a new object under a new key, then the old object is deleted.
CREATE TABLE user_avatar (
    huid         uuid PRIMARY KEY,
    content_type text        NOT NULL,            -- image/png, image/jpeg, image/gif or image/webp
    size         bigint      NOT NULL CHECK (size >= 0),
    sha256       text        NOT NULL,
    storage_key  text        NOT NULL UNIQUE,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
