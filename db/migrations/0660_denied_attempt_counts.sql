-- Denied attempts by anonymous callers are counted per (action, client, hour), not stored one audit row each:
-- an anonymous flood of writes cannot grow the permanent, append-only audit trail (issue 13, hole 5). Denials of
-- signed-in users and tokens stay in audit_events row by row: they are accountable decisions.
CREATE TABLE denied_attempt_counts (
    action     text        NOT NULL,             -- what was attempted, e.g. 'grant.add' or 'POST /api/governance/…'
    client     text        NOT NULL,             -- the caller's address as the portal saw it
    hour       timestamptz NOT NULL,             -- start of the UTC hour
    attempts   bigint      NOT NULL DEFAULT 0,
    last_at    timestamptz NOT NULL,
    PRIMARY KEY (action, client, hour)
);
CREATE INDEX denied_attempt_counts_hour ON denied_attempt_counts (hour DESC);
