-- Failed attempts to dial each remote server (trusts.md: "retries back off per destination, survive
-- restarts, and reset when the remote comes back"): the dialer waits until next_attempt, also after a
-- restart; the row is deleted when a link with that server comes up.
CREATE TABLE trust_dial_backoff (
    remote_id    text        PRIMARY KEY,
    failures     integer     NOT NULL,
    last_problem text        NOT NULL,
    failed_at    timestamptz NOT NULL,
    next_attempt timestamptz NOT NULL
);
