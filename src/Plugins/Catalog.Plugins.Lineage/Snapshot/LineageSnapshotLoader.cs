using System.Data;
using Catalog.Domain.Lineage.Graph;
using Npgsql;

namespace Catalog.Plugins.Lineage.Snapshot;

/// <summary>Reads the lineage graph from PostgreSQL: all of it (binary COPY), or the edges changed since a transaction.</summary>
public sealed class LineageSnapshotLoader(NpgsqlDataSource dataSource)
{
    private const string NodesSql = """
        COPY (SELECT e.id, e.kind FROM entities e
              WHERE EXISTS (SELECT 1 FROM lineage_edges l WHERE l.from_id = e.id AND l.removed_at IS NULL)
                 OR EXISTS (SELECT 1 FROM lineage_edges l WHERE l.to_id = e.id AND l.removed_at IS NULL))
        TO STDOUT (FORMAT BINARY)
        """;

    private const string EdgesSql = "COPY (SELECT from_id, to_id FROM lineage_edges WHERE removed_at IS NULL) TO STDOUT (FORMAT BINARY)";

    // A pair's state is recomputed from the table, so reading a change twice is harmless.
    private const string ChangesSql = """
        WITH changed AS (
            SELECT from_id, to_id FROM lineage_edges WHERE change_xid >= @since
            UNION
            SELECT from_id, to_id FROM lineage_edge_tombstones WHERE change_xid >= @since)
        SELECT c.from_id, coalesce(f.kind, ''), c.to_id, coalesce(t.kind, ''),
               EXISTS (SELECT 1 FROM lineage_edges l WHERE l.from_id = c.from_id AND l.to_id = c.to_id AND l.removed_at IS NULL)
        FROM changed c
        LEFT JOIN entities f ON f.id = c.from_id
        LEFT JOIN entities t ON t.id = c.to_id
        LIMIT @limit
        """;

    /// <summary>Planner's estimate of live edges: cheap, good enough to decide whether a snapshot fits.</summary>
    public async Task<long> EstimateEdgesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'lineage_edges'::regclass");
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    public async Task<(LineageGraph Graph, ulong SinceXid)> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for nodes and edges, and its xmin as the starting point for deltas.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var since = await CurrentXminAsync(connection, transaction, cancellationToken);
        var builder = new LineageGraphBuilder();
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var nodes = await connection.BeginBinaryExportAsync(NodesSql, cancellationToken))
        {
            while (await nodes.StartRowAsync(cancellationToken) != -1)
            {
                var id = nodes.Read<long>();
                var kind = nodes.Read<string>();
                builder.AddNode(id, kinds.TryGetValue(kind, out var interned) ? interned : kinds[kind] = kind);
            }
        }
        await using (var edges = await connection.BeginBinaryExportAsync(EdgesSql, cancellationToken))
        {
            while (await edges.StartRowAsync(cancellationToken) != -1)
                builder.AddEdge(edges.Read<long>(), edges.Read<long>());
        }
        await transaction.CommitAsync(cancellationToken);
        return (builder.Build(), since);
    }

    /// <summary>Edges changed by transactions from <paramref name="since"/> on; null when more than <paramref name="maxRows"/> changed.</summary>
    public async Task<(IReadOnlyList<LineageEdgeChange> Changes, ulong SinceXid)?> LoadChangesAsync(ulong since, int maxRows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var next = await CurrentXminAsync(connection, transaction, cancellationToken);
        var changes = new List<LineageEdgeChange>();
        await using (var command = new NpgsqlCommand(ChangesSql, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter("since", NpgsqlTypes.NpgsqlDbType.Xid8) { Value = since });
            command.Parameters.AddWithValue("limit", maxRows + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                changes.Add(new LineageEdgeChange(new(reader.GetInt64(0), reader.GetString(1)), new(reader.GetInt64(2), reader.GetString(3)), reader.GetBoolean(4)));
        }
        await transaction.CommitAsync(cancellationToken);
        return changes.Count > maxRows ? null : (changes, next);
    }

    /// <summary>Tombstones older than a day have been read by every snapshot that refreshes at all.</summary>
    public async Task PruneTombstonesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM lineage_edge_tombstones WHERE deleted_at < now() - interval '1 day'");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ulong> CurrentXminAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<ulong>(0);
    }
}
