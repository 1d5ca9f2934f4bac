-- Harvest engine hardening. Additive only: every new column is nullable or has a default, so this is safe on a
-- database that already has data (existing rows read as 'processed' inputs and runs without heartbeat).

-- Failed content is remembered too: an unchanged input that failed is not re-processed on every run (unless forced);
-- raw_input_id points at the stored bytes of its last attempt. target + seen_at say which target's run last saw the
-- location and when, so a run can tell which files were deleted since (seen before the run started, not during it).
ALTER TABLE harvest_inputs ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'processed'
    CHECK (status IN ('processed', 'failed'));
ALTER TABLE harvest_inputs ADD COLUMN IF NOT EXISTS raw_input_id bigint REFERENCES raw_inputs (id) ON DELETE SET NULL;
ALTER TABLE harvest_inputs ADD COLUMN IF NOT EXISTS target text;
ALTER TABLE harvest_inputs ADD COLUMN IF NOT EXISTS seen_at timestamptz;
CREATE INDEX IF NOT EXISTS harvest_inputs_target ON harvest_inputs (harvester, target) WHERE target IS NOT NULL;

-- Liveness of runs (a run left 'running' by a dead process is marked 'abandoned'), the count of unchanged inputs
-- that are still failing, and hourly windows that collect pushed inputs (OpenLineage POSTs) as one run each.
ALTER TABLE harvest_runs ADD COLUMN IF NOT EXISTS pid integer;
ALTER TABLE harvest_runs ADD COLUMN IF NOT EXISTS heartbeat_at timestamptz;
ALTER TABLE harvest_runs ADD COLUMN IF NOT EXISTS inputs_still_failing integer NOT NULL DEFAULT 0;
ALTER TABLE harvest_runs ADD COLUMN IF NOT EXISTS push_window timestamptz;
CREATE UNIQUE INDEX IF NOT EXISTS harvest_runs_push_window ON harvest_runs (harvester, push_window) WHERE push_window IS NOT NULL;
CREATE INDEX IF NOT EXISTS harvest_runs_running ON harvest_runs (started_at) WHERE status = 'running';

-- Descriptor declarations claim the location (file) that declared them, so a declaration removed from the file is
-- removed from the catalog on the next Full harvest of that file. Portal rows never have a source location.
ALTER TABLE access_grants ADD COLUMN IF NOT EXISTS source_location text;
ALTER TABLE retention_policies ADD COLUMN IF NOT EXISTS source_location text;
CREATE INDEX IF NOT EXISTS access_grants_source ON access_grants (source_location) WHERE source_location IS NOT NULL;
CREATE INDEX IF NOT EXISTS retention_policies_source ON retention_policies (source_location) WHERE source_location IS NOT NULL;

-- Whether a raw input was a Full or a Delta input, so a replay applies it the way the harvest did (a replayed Full
-- input claims what it reports, like the harvest it stands in for). Unknown (NULL) for older rows: replayed as Delta.
ALTER TABLE raw_inputs ADD COLUMN IF NOT EXISTS mode text CHECK (mode IN ('full', 'delta'));
