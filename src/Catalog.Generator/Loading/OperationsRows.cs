using NpgsqlTypes;

namespace Catalog.Generator.Loading;

/// <summary>
/// Runs (every scheduled slot of the last RunDays, the latest hourly slot still running, one in forty failed)
/// and partitions (every slot of the last PartitionDays for partitioned endpoints, linked to the run that wrote
/// it when that run is in the history). Times count back from <c>anchor</c>, the start of the current day.
/// </summary>
internal static class OperationsRows
{
    public const string CopyRuns = "COPY runs (id, job_id, state, nominal_start, nominal_end, started_at, ended_at, error_message) FROM STDIN (FORMAT BINARY)";
    public const string CopyPartitions = "COPY partitions (dataset_id, partition_key, granularity, row_count, bytes, created_at, run_id) FROM STDIN (FORMAT BINARY)";

    public static long CountRuns(CatalogShape shape) =>
        Enumerable.Range(0, shape.Profile.Workflows).Sum(w => (long)shape.RunsPerWorkflow(w));

    public static long CountPartitions(CatalogShape shape)
    {
        long total = 0;
        for (var d = shape.Profile.SourceEndpoints; d < shape.Profile.Endpoints; d++)
            if (shape.IsPartitioned(d)) total += shape.Profile.PartitionDays * (shape.IsHourly(shape.Producer(d)) ? 24 : 1);
        return total;
    }

    public static void WriteRuns(CatalogShape shape, EntityIds ids, DateTime anchor, StageCopy.Rows rows)
    {
        for (var w = 0; w < shape.Profile.Workflows; w++)
        {
            var slots = shape.RunsPerWorkflow(w);
            var length = shape.IsHourly(w) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
            for (var slot = 0; slot < slots; slot++)
            {
                var nominal = anchor - length * (slot + 1);
                var started = nominal + length + TimeSpan.FromMinutes(5 + slot % 20);
                var running = slot == 0 && shape.IsHourly(w);
                var failed = !running && shape.RunFailed(w, slot);
                var row = rows.Start();
                row.Write(shape.RunId(w, slot), NpgsqlDbType.Uuid);
                row.Write(ids.Workflow(w), NpgsqlDbType.Bigint);
                row.Write(running ? "running" : failed ? "failed" : "completed", NpgsqlDbType.Text);
                row.Write(nominal, NpgsqlDbType.TimestampTz);
                row.Write(nominal + length, NpgsqlDbType.TimestampTz);
                row.Write(started, NpgsqlDbType.TimestampTz);
                if (running) row.WriteNull(); else row.Write(started + TimeSpan.FromMinutes(3 + w % 40), NpgsqlDbType.TimestampTz);
                if (failed) row.Write("Task exited with code 1: upstream partition missing", NpgsqlDbType.Text); else row.WriteNull();
            }
        }
    }

    public static void WritePartitions(CatalogShape shape, EntityIds ids, DateTime anchor, StageCopy.Rows rows)
    {
        for (var d = shape.Profile.SourceEndpoints; d < shape.Profile.Endpoints; d++)
        {
            if (!shape.IsPartitioned(d)) continue;
            var w = shape.Producer(d);
            var hourly = shape.IsHourly(w);
            var slots = shape.Profile.PartitionDays * (hourly ? 24 : 1);
            var length = hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
            var id = ids.Endpoint(d);
            for (var slot = 0; slot < slots; slot++)
            {
                var start = anchor - length * (slot + 1);
                var rowCount = 1_000L + (long)(d % 997) * 1_000 + slot % 7 * 100;
                var row = rows.Start();
                row.Write(id, NpgsqlDbType.Bigint);
                row.Write(hourly ? start.ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture)
                                 : start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                row.Write(hourly ? "hourly" : "daily", NpgsqlDbType.Text);
                row.Write(rowCount, NpgsqlDbType.Bigint);
                row.Write(rowCount * 180, NpgsqlDbType.Bigint);
                row.Write(start + length + TimeSpan.FromMinutes(30), NpgsqlDbType.TimestampTz);
                if (slot < shape.RunsPerWorkflow(w)) row.Write(shape.RunId(w, slot), NpgsqlDbType.Uuid); else row.WriteNull();
            }
        }
    }
}
