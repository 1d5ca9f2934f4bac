-- Counts for the home page, kept by the database in the same transaction as the writes that change them, so the
-- page reads a handful of rows instead of scanning every entity, edge and run (354 ms at 240,000 entities) and still
-- fails loudly when the database is down (a cache in the portal hid an outage behind a 200).
--
-- Writers never update a shared counter row: each statement appends its net change (a "delta" row). A counter row
-- updated by every harvest would serialise concurrent harvests on its row lock, and two harvests touching two kinds
-- in opposite order would deadlock. Readers sum the deltas; catalog_counts_compact() folds them into one row per key
-- from time to time (the portal's CountsCompactionService, once a minute when the tables have grown). Triggers are
-- per statement with transition tables, so a COPY of 200,000 rows costs one GROUP BY, not 200,000 trigger calls. They are ENABLE ALWAYS: the
-- generator's bulk load runs with session_replication_role = replica, which would otherwise skip them.

-- Writes wait while the triggers are created and the existing rows are counted, so no write is counted twice or missed.
LOCK TABLE entities, lineage_edges, column_lineage_edges, runs IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE entity_count_deltas (
    kind      text   NOT NULL,
    lifecycle text   NOT NULL,
    n         bigint NOT NULL
);

-- Live (not removed) lineage edges: 'lineage' for lineage_edges, 'column_lineage' for column_lineage_edges.
CREATE TABLE edge_count_deltas (
    edges text   NOT NULL CHECK (edges IN ('lineage', 'column_lineage')),
    n     bigint NOT NULL
);

-- Runs by the UTC hour they started in; the home page's "last 24 hours" sums the hours and corrects the first,
-- partly outside the window, with an index range count (runs_started_at below).
CREATE TABLE run_hour_deltas (
    hour   timestamp NOT NULL,
    failed boolean   NOT NULL,
    n      bigint    NOT NULL
);
CREATE INDEX run_hour_deltas_hour ON run_hour_deltas (hour);
CREATE INDEX runs_started_at ON runs (started_at) INCLUDE (state);

-- entities: by kind and lifecycle --------------------------------------------------------------------------------
CREATE FUNCTION counts_on_entities_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO entity_count_deltas (kind, lifecycle, n)
    SELECT kind, lifecycle, count(*) FROM new_rows GROUP BY kind, lifecycle;
    RETURN NULL;
END $$;
CREATE FUNCTION counts_on_entities_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Most updates (harvest upserts) change neither kind nor lifecycle: their +1/-1 cancel and nothing is written.
    INSERT INTO entity_count_deltas (kind, lifecycle, n)
    SELECT kind, lifecycle, sum(n) FROM (
        SELECT kind, lifecycle, 1 AS n FROM new_rows
        UNION ALL
        SELECT kind, lifecycle, -1 FROM old_rows) change
    GROUP BY kind, lifecycle HAVING sum(n) <> 0;
    RETURN NULL;
END $$;
CREATE FUNCTION counts_on_entities_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO entity_count_deltas (kind, lifecycle, n)
    SELECT kind, lifecycle, -count(*) FROM old_rows GROUP BY kind, lifecycle;
    RETURN NULL;
END $$;
CREATE FUNCTION counts_on_entities_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM entity_count_deltas;
    RETURN NULL;
END $$;
CREATE TRIGGER counts_entities_inserted AFTER INSERT ON entities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_entities_inserted();
CREATE TRIGGER counts_entities_updated AFTER UPDATE ON entities
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_entities_updated();
CREATE TRIGGER counts_entities_deleted AFTER DELETE ON entities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_entities_deleted();
CREATE TRIGGER counts_entities_truncated AFTER TRUNCATE ON entities
    FOR EACH STATEMENT EXECUTE FUNCTION counts_on_entities_truncated();

-- lineage_edges and column_lineage_edges: live edges (removed_at IS NULL) -----------------------------------------
-- One set of functions for both tables; the trigger passes which counter it keeps.
CREATE FUNCTION counts_on_edges_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO edge_count_deltas (edges, n)
    SELECT TG_ARGV[0], count(*) FROM new_rows WHERE removed_at IS NULL HAVING count(*) <> 0;
    RETURN NULL;
END $$;
CREATE FUNCTION counts_on_edges_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO edge_count_deltas (edges, n)
    SELECT TG_ARGV[0], d.n FROM (
        SELECT (SELECT count(*) FROM new_rows WHERE removed_at IS NULL)
             - (SELECT count(*) FROM old_rows WHERE removed_at IS NULL) AS n) d
    WHERE d.n <> 0;
    RETURN NULL;
END $$;
CREATE FUNCTION counts_on_edges_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO edge_count_deltas (edges, n)
    SELECT TG_ARGV[0], -count(*) FROM old_rows WHERE removed_at IS NULL HAVING count(*) <> 0;
    RETURN NULL;
END $$;
CREATE FUNCTION counts_on_edges_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM edge_count_deltas WHERE edges = TG_ARGV[0];
    RETURN NULL;
END $$;
CREATE TRIGGER counts_lineage_inserted AFTER INSERT ON lineage_edges
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_inserted('lineage');
CREATE TRIGGER counts_lineage_updated AFTER UPDATE ON lineage_edges
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_updated('lineage');
CREATE TRIGGER counts_lineage_deleted AFTER DELETE ON lineage_edges
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_deleted('lineage');
CREATE TRIGGER counts_lineage_truncated AFTER TRUNCATE ON lineage_edges
    FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_truncated('lineage');
CREATE TRIGGER counts_column_lineage_inserted AFTER INSERT ON column_lineage_edges
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_inserted('column_lineage');
CREATE TRIGGER counts_column_lineage_updated AFTER UPDATE ON column_lineage_edges
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_updated('column_lineage');
CREATE TRIGGER counts_column_lineage_deleted AFTER DELETE ON column_lineage_edges
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_deleted('column_lineage');
CREATE TRIGGER counts_column_lineage_truncated AFTER TRUNCATE ON column_lineage_edges
    FOR EACH STATEMENT EXECUTE FUNCTION counts_on_edges_truncated('column_lineage');

-- runs: by UTC start hour and failed or not -------------------------------------------------------------------------
-- UTC explicitly: date_trunc on a timestamptz follows the session's TimeZone, and zones with half-hour offsets
-- would put the same run in different hours for different sessions.
CREATE FUNCTION counts_on_runs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO run_hour_deltas (hour, failed, n)
        SELECT date_trunc('hour', started_at AT TIME ZONE 'UTC'), state = 'failed', count(*)
        FROM new_rows WHERE started_at IS NOT NULL GROUP BY 1, 2;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO run_hour_deltas (hour, failed, n)
        SELECT hour, failed, sum(n) FROM (
            SELECT date_trunc('hour', started_at AT TIME ZONE 'UTC') AS hour, state = 'failed' AS failed, 1 AS n
            FROM new_rows WHERE started_at IS NOT NULL
            UNION ALL
            SELECT date_trunc('hour', started_at AT TIME ZONE 'UTC'), state = 'failed', -1
            FROM old_rows WHERE started_at IS NOT NULL) change
        GROUP BY hour, failed HAVING sum(n) <> 0;
    ELSE
        INSERT INTO run_hour_deltas (hour, failed, n)
        SELECT date_trunc('hour', started_at AT TIME ZONE 'UTC'), state = 'failed', -count(*)
        FROM old_rows WHERE started_at IS NOT NULL GROUP BY 1, 2;
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION counts_on_runs_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM run_hour_deltas;
    RETURN NULL;
END $$;
CREATE TRIGGER counts_runs_inserted AFTER INSERT ON runs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_runs_changed();
CREATE TRIGGER counts_runs_updated AFTER UPDATE ON runs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_runs_changed();
CREATE TRIGGER counts_runs_deleted AFTER DELETE ON runs
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION counts_on_runs_changed();
CREATE TRIGGER counts_runs_truncated AFTER TRUNCATE ON runs
    FOR EACH STATEMENT EXECUTE FUNCTION counts_on_runs_truncated();

ALTER TABLE entities ENABLE ALWAYS TRIGGER counts_entities_inserted, ENABLE ALWAYS TRIGGER counts_entities_updated,
    ENABLE ALWAYS TRIGGER counts_entities_deleted, ENABLE ALWAYS TRIGGER counts_entities_truncated;
ALTER TABLE lineage_edges ENABLE ALWAYS TRIGGER counts_lineage_inserted, ENABLE ALWAYS TRIGGER counts_lineage_updated,
    ENABLE ALWAYS TRIGGER counts_lineage_deleted, ENABLE ALWAYS TRIGGER counts_lineage_truncated;
ALTER TABLE column_lineage_edges ENABLE ALWAYS TRIGGER counts_column_lineage_inserted,
    ENABLE ALWAYS TRIGGER counts_column_lineage_updated, ENABLE ALWAYS TRIGGER counts_column_lineage_deleted,
    ENABLE ALWAYS TRIGGER counts_column_lineage_truncated;
ALTER TABLE runs ENABLE ALWAYS TRIGGER counts_runs_inserted, ENABLE ALWAYS TRIGGER counts_runs_updated,
    ENABLE ALWAYS TRIGGER counts_runs_deleted, ENABLE ALWAYS TRIGGER counts_runs_truncated;

-- Folds the deltas into one row per key. Safe beside writers and other compactors: rows of transactions still
-- open are invisible here and stay; a second compactor skips the work (advisory lock) instead of waiting.
-- Run hours older than two days are dropped: the home page only asks for the last 24 hours.
CREATE FUNCTION catalog_counts_compact(min_rows integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM entity_count_deltas) + (SELECT count(*) FROM edge_count_deltas)
       + (SELECT count(*) FROM run_hour_deltas) < min_rows THEN
        RETURN false;
    END IF;
    IF NOT pg_try_advisory_xact_lock(hashtext('catalog_counts_compact')) THEN
        RETURN false;
    END IF;
    WITH gone AS (DELETE FROM entity_count_deltas RETURNING kind, lifecycle, n)
    INSERT INTO entity_count_deltas (kind, lifecycle, n)
    SELECT kind, lifecycle, sum(n) FROM gone GROUP BY kind, lifecycle HAVING sum(n) <> 0;
    WITH gone AS (DELETE FROM edge_count_deltas RETURNING edges, n)
    INSERT INTO edge_count_deltas (edges, n)
    SELECT edges, sum(n) FROM gone GROUP BY edges HAVING sum(n) <> 0;
    WITH gone AS (DELETE FROM run_hour_deltas RETURNING hour, failed, n)
    INSERT INTO run_hour_deltas (hour, failed, n)
    SELECT hour, failed, sum(n) FROM gone
    WHERE hour >= (now() AT TIME ZONE 'UTC') - interval '2 days'
    GROUP BY hour, failed HAVING sum(n) <> 0;
    RETURN true;
END $$;

-- What the database already holds.
INSERT INTO entity_count_deltas (kind, lifecycle, n)
SELECT kind, lifecycle, count(*) FROM entities GROUP BY kind, lifecycle;
INSERT INTO edge_count_deltas (edges, n)
SELECT 'lineage', count(*) FROM lineage_edges WHERE removed_at IS NULL;
INSERT INTO edge_count_deltas (edges, n)
SELECT 'column_lineage', count(*) FROM column_lineage_edges WHERE removed_at IS NULL;
INSERT INTO run_hour_deltas (hour, failed, n)
SELECT date_trunc('hour', started_at AT TIME ZONE 'UTC'), state = 'failed', count(*)
FROM runs WHERE started_at >= now() - interval '2 days' GROUP BY 1, 2;
