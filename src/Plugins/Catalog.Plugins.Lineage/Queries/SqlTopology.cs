using Catalog.Domain.Lineage.Graph;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// Traversals with recursive CTEs: used before the snapshot has loaded and for graphs too large to hold.
/// PostgreSQL walks the region within reach (one hop further than asked, so "has more" is known), the
/// plugin builds a small graph of it and runs the same domain traversal as the snapshot, so both engines
/// give the same answer. The region is capped (<see cref="LineageOptions.MaxSqlRegionNodes"/>).
/// </summary>
public sealed class SqlTopology(NpgsqlDataSource dataSource, IOptions<LineageOptions> options) : ILineageTopology
{
    public const string EngineName = "sql";

    private const string RegionSql = """
        WITH RECURSIVE down(id, depth) AS (
            SELECT @start, 0
            UNION
            SELECT e.to_id, d.depth + 1 FROM down d
            JOIN lineage_edges e ON e.from_id = d.id AND e.removed_at IS NULL
            WHERE d.depth < @down_depth
        ), up(id, depth) AS (
            SELECT @start, 0
            UNION
            SELECT e.from_id, u.depth + 1 FROM up u
            JOIN lineage_edges e ON e.to_id = u.id AND e.removed_at IS NULL
            WHERE u.depth < @up_depth
        ), region AS (
            SELECT id FROM down UNION SELECT id FROM up LIMIT @limit
        )
        SELECT r.id, en.kind FROM region r JOIN entities en ON en.id = r.id
        """;

    private const string EdgesSql = """
        SELECT from_id, to_id FROM lineage_edges
        WHERE removed_at IS NULL AND from_id = ANY(@ids) AND to_id = ANY(@ids)
        """;

    public async Task<TopologySlice> TraverseAsync(long startId, TraversalRequest request, CancellationToken cancellationToken)
    {
        var reach = request.MaxDepth == int.MaxValue ? options.Value.MaxDepth * 5 : request.MaxDepth + 1;
        var down = request.Direction is LineageDirection.Downstream or LineageDirection.Both ? reach : 0;
        var up = request.Direction is LineageDirection.Upstream or LineageDirection.Both ? reach : 0;
        var (region, capped) = await LoadRegionAsync(startId, down, up, cancellationToken);
        var slice = TopologySlice.Traverse(region, startId, request, EngineName);
        return capped ? slice with { Truncated = true } : slice;
    }

    public async Task<IReadOnlyList<long>?> FindPathAsync(long fromId, long toId, int maxLength, CancellationToken cancellationToken)
    {
        var (region, _) = await LoadRegionAsync(fromId, Math.Min(maxLength, options.Value.MaxDepth * 5), 0, cancellationToken);
        var (from, to) = (region.IndexOf(fromId), region.IndexOf(toId));
        if (from < 0 || to < 0) return fromId == toId ? [fromId] : null;
        return ShortestPath.Find(region.Topology, from, to, maxLength)?.Select(region.EntityId).ToList();
    }

    private async Task<(LineageGraph Region, bool Capped)> LoadRegionAsync(long startId, int downDepth, int upDepth, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxSqlRegionNodes;
        var builder = new LineageGraphBuilder();
        var ids = new List<long>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(RegionSql, connection))
        {
            command.Parameters.AddWithValue("start", startId);
            command.Parameters.AddWithValue("down_depth", downDepth);
            command.Parameters.AddWithValue("up_depth", upDepth);
            command.Parameters.AddWithValue("limit", limit + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
                builder.AddNode(reader.GetInt64(0), reader.GetString(1));
            }
        }
        await using (var command = new NpgsqlCommand(EdgesSql, connection))
        {
            command.Parameters.AddWithValue("ids", ids.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) builder.AddEdge(reader.GetInt64(0), reader.GetInt64(1));
        }
        return (builder.Build(), ids.Count > limit);
    }
}
