-- Files attached in chats that span servers, whose bytes another server keeps (docs/trust-protocol.md,
-- "Files and avatars"): the uploader's server. A member here downloads through this server, which
-- fetches the file once over the trust and then keeps a copy as an ordinary chat_file row.
CREATE TABLE remote_file (
    id       uuid PRIMARY KEY,
    chat_id  uuid NOT NULL REFERENCES chat ON DELETE CASCADE,
    server   text NOT NULL,               -- the server that keeps the bytes
    uploader uuid NOT NULL                -- HUID of the member who sent it
);
