-- Presence: which instance of the role holds at least one connection of a user. A user is online
-- while any row of theirs exists. Instances announce themselves every few seconds; the rows of an
-- instance that stopped announcing (killed) are removed by the others.
CREATE TABLE role_instance (
    id         text PRIMARY KEY,
    started_at timestamptz NOT NULL DEFAULT now(),
    seen_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE presence (
    huid       uuid        NOT NULL,
    instance   text        NOT NULL REFERENCES role_instance ON DELETE CASCADE,
    since      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (huid, instance)
);

ALTER TABLE chat_user ADD COLUMN last_seen_at timestamptz;
