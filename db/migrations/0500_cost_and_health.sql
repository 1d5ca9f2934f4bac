-- Cost and health (plugins "cost" and "health"). Only new tables: safe on a database that already has data.

-- One row per entity per day: what it cost to store (datasets) and to run (jobs) that day, priced with the prices
-- in force when the snapshot was taken. Owner and namespace are copied so a team's history stays its own even
-- when ownership moves later. Rewritten for a day when that day is snapshotted again (backfill, on demand).
CREATE TABLE cost_daily_snapshots (
    day             date          NOT NULL,
    entity_id       bigint        NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    kind            text          NOT NULL,
    namespace       text          NOT NULL,
    owner_ref       text,
    platform        text,
    storage_bytes   bigint        NOT NULL DEFAULT 0 CHECK (storage_bytes >= 0),
    storage_cost    numeric(20,8) NOT NULL DEFAULT 0 CHECK (storage_cost >= 0),
    run_count       integer       NOT NULL DEFAULT 0 CHECK (run_count >= 0),
    compute_seconds double precision NOT NULL DEFAULT 0 CHECK (compute_seconds >= 0),
    compute_cost    numeric(20,8) NOT NULL DEFAULT 0 CHECK (compute_cost >= 0),
    currency        text          NOT NULL,
    computed_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (day, entity_id)
);
CREATE INDEX cost_daily_entity ON cost_daily_snapshots (entity_id, day);
CREATE INDEX cost_daily_owner ON cost_daily_snapshots (owner_ref, day);
CREATE INDEX cost_daily_namespace ON cost_daily_snapshots (namespace, day);

-- The problems the health monitor last saw, so it notifies on a transition (a problem appearing), not on
-- every check. A row is removed when its problem clears.
CREATE TABLE health_problem_states (
    entity_id    bigint      NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    subject      text        NOT NULL,
    summary      text        NOT NULL,
    since        timestamptz NOT NULL,
    first_seen   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entity_id, kind, subject)
);

-- Outgoing webhook deliveries: written in the same transaction as the transition that caused them, then sent with
-- retries. Kept after delivery as a record of what was said to whom.
CREATE TABLE health_notifications (
    id            uuid        PRIMARY KEY,
    webhook       text        NOT NULL,
    event_type    text        NOT NULL,
    entity_id     bigint      REFERENCES entities (id) ON DELETE SET NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    status        text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    delivered_at  timestamptz
);
CREATE INDEX health_notifications_pending ON health_notifications (created_at) WHERE status = 'pending';
