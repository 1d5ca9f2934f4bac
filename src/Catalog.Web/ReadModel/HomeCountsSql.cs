namespace Catalog.Web.ReadModel;

/// <summary>
/// The home page's statements over the counts tables of migration 0050. Each table holds delta rows (one per
/// writing statement until they are folded), so every read sums.
/// </summary>
internal static class HomeCountsSql
{
    /// <summary>Entities the catalog shows (active or deprecated), by kind, largest first.</summary>
    public const string Kinds = """
        SELECT kind, sum(n)::bigint AS count FROM entity_count_deltas
        WHERE lifecycle IN ('active', 'deprecated')
        GROUP BY kind HAVING sum(n) > 0
        ORDER BY count DESC, kind
        """;

    /// <summary>Live lineage edges, then live column lineage edges.</summary>
    public const string Edges = """
        SELECT coalesce(sum(n) FILTER (WHERE edges = 'lineage'), 0)::bigint,
               coalesce(sum(n) FILTER (WHERE edges = 'column_lineage'), 0)::bigint
        FROM edge_count_deltas
        """;

    /// <summary>
    /// Runs started at or after @since, then the failed ones among them. The hours are counted whole; the part of
    /// the first hour before @since is taken off again with a range count on runs_started_at (one hour of runs at
    /// most, read from the index alone).
    /// </summary>
    public const string RunsSince = """
        WITH first_hour AS (SELECT date_trunc('hour', @since AT TIME ZONE 'UTC') AS hour),
        hours AS (
            SELECT coalesce(sum(n), 0) AS runs, coalesce(sum(n) FILTER (WHERE failed), 0) AS failed
            FROM run_hour_deltas WHERE hour >= (SELECT hour FROM first_hour)),
        before_since AS (
            SELECT count(*) AS runs, count(*) FILTER (WHERE state = 'failed') AS failed
            FROM runs
            WHERE started_at >= (SELECT hour FROM first_hour) AT TIME ZONE 'UTC' AND started_at < @since)
        SELECT (hours.runs - before_since.runs)::bigint, (hours.failed - before_since.failed)::bigint
        FROM hours, before_since
        """;

    public const string RecentHarvests = """
        SELECT harvester, target, status, started_at, items_applied, error_count
        FROM harvest_runs ORDER BY started_at DESC LIMIT 5
        """;
}
