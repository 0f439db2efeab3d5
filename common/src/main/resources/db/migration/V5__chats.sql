-- Chats, members and the per-chat event log. Every change a member can see (a message, an edit, a
-- deletion, a member joining, a rename) is one row of chat_event with the chat's next gap-free
-- sequence number; chat.last_seq is the counter, bumped in the transaction that inserts the event.

CREATE TABLE chat (
    id           uuid PRIMARY KEY,
    kind         text        NOT NULL,            -- personal | group | channel
    name         text        NOT NULL DEFAULT '',
    avatar       text,
    home_server  text        NOT NULL,
    personal_key text UNIQUE,                      -- personal chats: the two HUIDs, sorted
    created_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seq     bigint      NOT NULL DEFAULT 0,
    deleted_at   timestamptz
);

CREATE TABLE chat_member (
    chat_id       uuid   NOT NULL REFERENCES chat ON DELETE CASCADE,
    huid          uuid   NOT NULL,
    role          text   NOT NULL DEFAULT 'member', -- member | admin
    joined_seq    bigint NOT NULL,                   -- sees events after this one
    delivered_seq bigint NOT NULL DEFAULT 0,
    read_seq      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (chat_id, huid)
);
CREATE INDEX chat_member_by_user ON chat_member (huid);

CREATE TABLE chat_event (
    chat_id      uuid        NOT NULL REFERENCES chat ON DELETE CASCADE,
    seq          bigint      NOT NULL,
    kind         text        NOT NULL,
    author       uuid        NOT NULL,
    client_id    text,
    target_seq   bigint,
    content_type text,
    body         text,
    meta         jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    edited_at    timestamptz,
    PRIMARY KEY (chat_id, seq)
);
-- Idempotent sends: one event per (author, client id).
CREATE UNIQUE INDEX chat_event_by_client_id ON chat_event (author, client_id) WHERE client_id IS NOT NULL;

-- Events committed but not yet confirmed published to Kafka (transactional outbox).
CREATE TABLE chat_event_outbox (
    chat_id    uuid        NOT NULL,
    seq        bigint      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, seq)
);
