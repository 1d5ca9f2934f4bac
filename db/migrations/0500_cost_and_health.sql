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

-- When a partition's bytes started to cost money, for snapshots of past days: the end of the period its key names
-- (2026-01-15T13 → 14:00 UTC, 2026-01-15 → next midnight UTC) or, when earlier or when the key names no period,
-- the time it was recorded. Keys that look like dates but are not (2026-02-30) fall back to the recorded time.
CREATE FUNCTION cost_partition_since(partition_key text, created_at timestamptz) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF partition_key ~ '^\d{4}-\d{2}-\d{2}T\d{2}$' THEN
        RETURN LEAST(created_at, (replace(partition_key, 'T', ' ') || ':00:00+00')::timestamptz + interval '1 hour');
    ELSIF partition_key ~ '^\d{4}-\d{2}-\d{2}$' THEN
        RETURN LEAST(created_at, (partition_key || ' 00:00:00+00')::timestamptz + interval '1 day');
    END IF;
    RETURN created_at;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    RETURN created_at;
END;
$$;

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
