-- The health monitor's first check on a catalog is a baseline: the problems that already exist are recorded
-- (and shown on /health as known before monitoring) but not sent to webhooks, so a portal started on an existing
-- catalog does not send a burst of notifications for old problems. Later checks notify what appears after it.

-- One row once the baseline is taken; its absence means the next check is the baseline.
CREATE TABLE health_monitor_state (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    baseline_at   timestamptz NOT NULL,
    baseline_size integer     NOT NULL
);

-- True for problems the baseline recorded without notifying; they stay marked until they clear.
ALTER TABLE health_problem_states ADD COLUMN baseline boolean NOT NULL DEFAULT false;

-- A database whose monitor already ran (it remembered problems or wrote notifications) has had its first check:
-- without this row the next check would be taken as a baseline and swallow what appeared since the last one.
INSERT INTO health_monitor_state (baseline_at, baseline_size)
SELECT coalesce(least((SELECT min(first_seen) FROM health_problem_states), (SELECT min(created_at) FROM health_notifications)), now()), 0
WHERE EXISTS (SELECT 1 FROM health_problem_states) OR EXISTS (SELECT 1 FROM health_notifications);
