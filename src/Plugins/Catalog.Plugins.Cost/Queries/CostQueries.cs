using System.Globalization;
using Catalog.Plugins.Security;
using Catalog.Storage;
using Npgsql;

namespace Catalog.Plugins.Cost.Queries;

/// <summary>
/// Reads the daily snapshots for the cost views. Totals include every entity in scope; entities are named only
/// to principals allowed to see them (<see cref="VisibilityFilter"/>), so a restricted dataset's cost still counts
/// toward its team without revealing its name.
/// </summary>
public sealed class CostQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<DailyCost>> DailyAsync(CostScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT day, sum(storage_cost), sum(compute_cost), sum(storage_bytes)::bigint, sum(compute_seconds)
            FROM cost_daily_snapshots s
            WHERE day BETWEEN @from AND @to AND {ScopeSql(scope)}
            GROUP BY day ORDER BY day
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        AddScope(command, scope);
        var days = new List<DailyCost>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            days.Add(new DailyCost(reader.GetFieldValue<DateOnly>(0), reader.GetDecimal(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetDouble(4)));
        return days;
    }

    /// <summary>The entities in scope that cost the most this month, with last month's figure for comparison.</summary>
    public async Task<IReadOnlyList<CostLine>> TopSpendersAsync(CostScope scope, CostPeriod period, CatalogPrincipal principal, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT e.ref, coalesce(e.title, e.name), e.kind,
                   coalesce(sum(s.storage_cost + s.compute_cost) FILTER (WHERE s.day BETWEEN @from AND @through), 0),
                   coalesce(sum(s.storage_cost + s.compute_cost) FILTER (WHERE s.day BETWEEN @prev_from AND @prev_through), 0)
            FROM cost_daily_snapshots s JOIN entities e ON e.id = s.entity_id
            WHERE s.day BETWEEN @prev_from AND @through AND {ScopeSql(scope)} AND {VisibilityFilter.Sql("e")}
            GROUP BY e.id
            ORDER BY 4 DESC, 5 DESC, e.ref
            LIMIT @limit
            """);
        AddPeriod(command, period);
        AddScope(command, scope);
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 1000));
        return await ReadLinesAsync(command, cancellationToken);
    }

    /// <summary>Cost per team (owner) or per namespace, this month against last month.</summary>
    public async Task<IReadOnlyList<CostLine>> ByGroupAsync(CostDimension dimension, CostPeriod period, CancellationToken cancellationToken = default)
    {
        var column = dimension switch
        {
            CostDimension.Team => "coalesce(s.owner_ref, '')",
            CostDimension.Namespace => "s.namespace",
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Group by team or namespace."),
        };
        await using var command = dataSource.CreateCommand($"""
            SELECT {column}, {column}, NULL,
                   coalesce(sum(s.storage_cost + s.compute_cost) FILTER (WHERE s.day BETWEEN @from AND @through), 0),
                   coalesce(sum(s.storage_cost + s.compute_cost) FILTER (WHERE s.day BETWEEN @prev_from AND @prev_through), 0)
            FROM cost_daily_snapshots s
            WHERE s.day BETWEEN @prev_from AND @through
            GROUP BY 1 ORDER BY 4 DESC, 1
            """);
        AddPeriod(command, period);
        return await ReadLinesAsync(command, cancellationToken);
    }

    /// <summary>
    /// What everything downstream of an entity costs this month: every job and dataset reachable along lineage
    /// edges (data-flow direction), each counted once at its shortest depth. The entity itself is not included.
    /// </summary>
    public async Task<IReadOnlyList<DownstreamCost>> DownstreamAsync(long entityId, CostPeriod period, CatalogPrincipal principal, int maxDepth = 10, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH RECURSIVE downstream(id, depth, path) AS (
                SELECT l.to_id, 1, ARRAY[@id, l.to_id]
                FROM lineage_edges l WHERE l.from_id = @id AND l.removed_at IS NULL
              UNION ALL
                SELECT l.to_id, d.depth + 1, d.path || l.to_id
                FROM downstream d JOIN lineage_edges l ON l.from_id = d.id AND l.removed_at IS NULL
                WHERE d.depth < @max_depth AND NOT l.to_id = ANY(d.path)
            ), nearest AS (
                SELECT id, min(depth) AS depth FROM downstream GROUP BY id
            )
            SELECT e.id, e.ref, e.kind, n.depth,
                   coalesce((SELECT sum(s.storage_cost + s.compute_cost) FROM cost_daily_snapshots s
                             WHERE s.entity_id = e.id AND s.day BETWEEN @from AND @through), 0)
            FROM nearest n JOIN entities e ON e.id = n.id
            WHERE {VisibilityFilter.Sql("e")}
            ORDER BY 5 DESC, n.depth, e.ref
            """);
        command.Parameters.AddWithValue("id", entityId);
        command.Parameters.AddWithValue("max_depth", maxDepth);
        AddPeriod(command, period);
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        var rows = new List<DownstreamCost>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new DownstreamCost(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetDecimal(4)));
        return rows;
    }

    private static string ScopeSql(CostScope scope) => scope.Dimension switch
    {
        CostDimension.Team => "s.owner_ref = @scope",
        CostDimension.Namespace => "s.namespace = @scope",
        CostDimension.Entity => "s.entity_id = @scope_id",
        _ => "true",
    };

    private static void AddScope(NpgsqlCommand command, CostScope scope)
    {
        if (scope.Dimension == CostDimension.Entity)
            command.Parameters.AddWithValue("scope_id", long.Parse(scope.Value!, CultureInfo.InvariantCulture));
        else if (scope.Dimension != CostDimension.All)
            command.Parameters.AddWithValue("scope", scope.Value ?? "");
    }

    private static void AddPeriod(NpgsqlCommand command, CostPeriod period)
    {
        command.Parameters.AddWithValue("from", period.From);
        command.Parameters.AddWithValue("through", period.Through);
        command.Parameters.AddWithValue("prev_from", period.PreviousFrom);
        command.Parameters.AddWithValue("prev_through", period.PreviousThrough);
    }


    private static async Task<IReadOnlyList<CostLine>> ReadLinesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var lines = new List<CostLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new CostLine(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDecimal(3), reader.GetDecimal(4)));
        return lines;
    }
}
