-- The servers this server has heard of through route announcements (trusts.md, "RTS and ETS keep a
-- registry of the servers attached below them"): each with its role and host as announced, the
-- neighbour it was last heard through, and when. Shown on the Servers page next to the trusts.
CREATE TABLE server_registry (
    server_id  text        PRIMARY KEY,
    role       text,
    host       text,
    via        text        NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen  timestamptz NOT NULL DEFAULT now()
);
