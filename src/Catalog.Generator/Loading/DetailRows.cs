using NpgsqlTypes;

namespace Catalog.Generator.Loading;

/// <summary>Kind-specific detail: datasets (partitioning) and jobs (schedule, deadline), and the dataset columns.</summary>
internal static class DetailRows
{
    public const string CopyDatasets = "COPY datasets (entity_id, partitioning, storage_class) FROM STDIN (FORMAT BINARY)";
    public const string CopyJobs = "COPY jobs (entity_id, job_type, schedule_kind, cron, deadline_minutes, source_code_url) FROM STDIN (FORMAT BINARY)";
    public const string CopyFields = "COPY dataset_fields (entity_id, ordinal, name, data_type, nullable, classification) FROM STDIN (FORMAT BINARY)";

    public static string Partitioning(CatalogShape shape, int d) =>
        !shape.IsPartitioned(d) ? "none" : shape.IsHourly(shape.Producer(d)) ? "hourly" : "daily";

    public static void WriteDatasets(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        for (var d = 0; d < shape.Profile.Endpoints; d++)
        {
            var row = rows.Start();
            row.Write(ids.Endpoint(d), NpgsqlDbType.Bigint);
            row.Write(Partitioning(shape, d), NpgsqlDbType.Text);
            row.Write(shape.IsTopic(d) ? "stream" : "standard", NpgsqlDbType.Text);
        }
    }

    public static void WriteJobs(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        for (var w = 0; w < shape.Profile.Workflows; w++)
        {
            var hourly = shape.IsHourly(w);
            var row = rows.Start();
            row.Write(ids.Workflow(w), NpgsqlDbType.Bigint);
            row.Write("BATCH", NpgsqlDbType.Text);
            row.Write(hourly ? "hourly" : "daily", NpgsqlDbType.Text);
            row.Write(hourly ? "0 * * * *" : $"0 {w % 24} * * *", NpgsqlDbType.Text);
            row.Write(hourly ? 90 : 360, NpgsqlDbType.Integer);
            row.Write($"https://git.example.com/{shape.Domain(14, w)}/pipelines/blob/main/{shape.WorkflowName(w)}.py", NpgsqlDbType.Text);
        }
    }

    public static void WriteFields(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        for (var d = 0; d < shape.Profile.Endpoints; d++)
        {
            var id = ids.Endpoint(d);
            for (var c = 0; c < shape.ColumnCount(d); c++)
            {
                var row = rows.Start();
                row.Write(id, NpgsqlDbType.Bigint);
                row.Write(c + 1, NpgsqlDbType.Integer);
                row.Write(shape.ColumnName(d, c), NpgsqlDbType.Text);
                row.Write(shape.ColumnType(d, c), NpgsqlDbType.Text);
                row.Write(c > 0, NpgsqlDbType.Boolean);
                EntityRows.WriteNullable(row, shape.ColumnClassification(d, c));
            }
        }
    }
}
