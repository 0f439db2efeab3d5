-- Chats spanning servers (docs/trust-protocol.md, "Envelopes").
-- A member of another server: chat_member.server names its home server (NULL: a user of this server).
ALTER TABLE chat_member ADD COLUMN server text;

-- Envelopes waiting to leave this server, per final destination, in the order they were queued.
-- Rows this server originates carry kind + payload and are signed when sent; rows relayed for others
-- carry the origin's signed envelope as received. A row is deleted when the next hop acknowledges it.
CREATE TABLE federation_outbox (
    id          bigserial   PRIMARY KEY,
    destination text        NOT NULL,
    kind        text,
    payload     text,
    envelope    text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX federation_outbox_by_destination ON federation_outbox (destination, id);

-- Public signing keys of other servers: announced by the server itself over a direct link, or vouched
-- for by a relay. Kept so that envelopes from a server can be checked while no route announces it.
CREATE TABLE server_key (
    server_id   text        PRIMARY KEY,
    public_key  bytea       NOT NULL,
    learned_via text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
