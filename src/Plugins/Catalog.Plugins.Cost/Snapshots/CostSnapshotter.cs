using Catalog.Domain.Cost;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Plugins.Cost.Snapshots;

/// <summary>
/// Writes a day's cost for every dataset (storage) and job (compute) into <c>cost_daily_snapshots</c>. Days are UTC
/// days. Storage counts the partitions that existed by the end of the day; compute counts runs that started that
/// day and have finished. Re-running a day replaces it, so snapshots can be taken on demand and backfilled.
/// </summary>
public sealed class CostSnapshotter(NpgsqlDataSource dataSource, PriceBook prices)
{
    private const string StorageSql = """
        SELECT e.id, e.kind, e.namespace, e.owner_ref, e.platform, d.storage_class,
               coalesce(sum(p.bytes) FILTER (WHERE cost_partition_since(p.partition_key, p.created_at) < @day_end), 0)::bigint
        FROM entities e
        JOIN datasets d ON d.entity_id = e.id
        JOIN partitions p ON p.dataset_id = e.id
        WHERE e.lifecycle <> 'deleted'
        GROUP BY e.id, d.storage_class
        """;

    private const string ComputeSql = """
        SELECT e.id, e.kind, e.namespace, e.owner_ref, e.platform, r.started_at, r.ended_at,
               CASE WHEN jsonb_typeof(r.facets -> 'bytesScanned') = 'number'
                    THEN LEAST(greatest((r.facets ->> 'bytesScanned')::numeric, 0), 9000000000000000000)::bigint END
        FROM runs r JOIN entities e ON e.id = r.job_id
        WHERE r.started_at >= @day_start AND r.started_at < @day_end AND r.ended_at IS NOT NULL
          AND e.lifecycle <> 'deleted'
        """;

    public async Task<int> SnapshotAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = new Dictionary<long, SnapshotRow>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One snapshotter at a time across portal replicas; the lock ends with the transaction.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('catalog.cost.snapshot'))", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);

        await using (var storage = new NpgsqlCommand(StorageSql, connection, transaction))
        {
            storage.Parameters.AddWithValue("day_end", start.AddDays(1));
            await using var reader = await storage.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var bytes = reader.GetInt64(6);
                if (bytes <= 0) continue;
                var row = Row(rows, reader);
                row.StorageBytes = bytes;
                row.StorageCost = CostFormulas.DailyStorage(bytes, prices.StoragePriceFor(row.Platform, reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }
        await using (var compute = new NpgsqlCommand(ComputeSql, connection, transaction))
        {
            compute.Parameters.AddWithValue("day_start", start);
            compute.Parameters.AddWithValue("day_end", start.AddDays(1));
            await using var reader = await compute.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = Row(rows, reader);
                var duration = reader.GetFieldValue<DateTimeOffset>(6) - reader.GetFieldValue<DateTimeOffset>(5);
                if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
                row.RunCount++;
                row.ComputeSeconds += duration.TotalSeconds;
                row.ComputeCost += CostFormulas.Run(duration, reader.IsDBNull(7) ? null : reader.GetInt64(7), prices.ComputePriceFor(row.Platform));
            }
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM cost_daily_snapshots WHERE day = @day", connection, transaction))
        {
            delete.Parameters.AddWithValue("day", day);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await InsertAsync(connection, day, rows.Values, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>Snapshots every day from <paramref name="from"/> to <paramref name="to"/>, reporting progress as a fraction.</summary>
    public async Task BackfillAsync(DateOnly from, DateOnly to, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var total = to.DayNumber - from.DayNumber + 1;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await SnapshotAsync(day, cancellationToken);
            progress?.Report((day.DayNumber - from.DayNumber + 1) / (double)total);
        }
    }

    /// <summary>The days in the range that have no snapshot rows yet (backfill only fills holes).</summary>
    public async Task<IReadOnlyList<DateOnly>> MissingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT d::date FROM generate_series(@from::date, @to::date, interval '1 day') d
            WHERE NOT EXISTS (SELECT 1 FROM cost_daily_snapshots s WHERE s.day = d::date)
            ORDER BY 1
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var days = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) days.Add(reader.GetFieldValue<DateOnly>(0));
        return days;
    }

    private static SnapshotRow Row(Dictionary<long, SnapshotRow> rows, NpgsqlDataReader reader)
    {
        var id = reader.GetInt64(0);
        if (!rows.TryGetValue(id, out var row))
            rows[id] = row = new SnapshotRow(id, reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
        return row;
    }

    // COPY runs inside the connection's open transaction, so the day is replaced atomically.
    private async Task InsertAsync(NpgsqlConnection connection, DateOnly day, IEnumerable<SnapshotRow> rows, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY cost_daily_snapshots (day, entity_id, kind, namespace, owner_ref, platform, storage_bytes, storage_cost, run_count, compute_seconds, compute_cost, currency) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
            await import.WriteAsync(row.EntityId, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(row.Kind, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(row.Namespace, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(import, row.OwnerRef, cancellationToken);
            await WriteNullableAsync(import, row.Platform, cancellationToken);
            await import.WriteAsync(row.StorageBytes, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(Math.Round(row.StorageCost, 8), NpgsqlDbType.Numeric, cancellationToken);
            await import.WriteAsync(row.RunCount, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(row.ComputeSeconds, NpgsqlDbType.Double, cancellationToken);
            await import.WriteAsync(Math.Round(row.ComputeCost, 8), NpgsqlDbType.Numeric, cancellationToken);
            await import.WriteAsync(prices.Currency, NpgsqlDbType.Text, cancellationToken);
        }
        await import.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value, CancellationToken cancellationToken)
    {
        if (value is null) await import.WriteNullAsync(cancellationToken);
        else await import.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
    }

    private sealed class SnapshotRow(long entityId, string kind, string @namespace, string? ownerRef, string? platform)
    {
        public long EntityId { get; } = entityId;
        public string Kind { get; } = kind;
        public string Namespace { get; } = @namespace;
        public string? OwnerRef { get; } = ownerRef;
        public string? Platform { get; } = platform;
        public long StorageBytes { get; set; }
        public decimal StorageCost { get; set; }
        public int RunCount { get; set; }
        public double ComputeSeconds { get; set; }
        public decimal ComputeCost { get; set; }
    }
}
