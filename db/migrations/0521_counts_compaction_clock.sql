-- Compaction drops run hours older than two days before "now". Whose now: the portal's clock (its TimeProvider),
-- passed in, so a portal whose clock is not the database's (tests on a fake clock, the sample's simulated days)
-- does not lose the hours its home page counts. The one-argument form keeps the database's clock.
CREATE FUNCTION catalog_counts_compact(min_rows integer, at timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
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
    WHERE hour >= (at AT TIME ZONE 'UTC') - interval '2 days'
    GROUP BY hour, failed HAVING sum(n) <> 0;
    RETURN true;
END $$;

CREATE OR REPLACE FUNCTION catalog_counts_compact(min_rows integer) RETURNS boolean LANGUAGE sql AS $$
    SELECT catalog_counts_compact(min_rows, now());
$$;
