using NpgsqlTypes;

namespace Catalog.Generator.Loading;

/// <summary>
/// Dataset lineage (dataset -reads-> workflow -writes-> dataset) and column lineage (each output's first columns
/// from its inputs' columns, attributed to the workflow).
/// </summary>
internal static class LineageRows
{
    public const string CopyEdges = "COPY lineage_edges (from_id, to_id, edge_kind, source_location) FROM STDIN (FORMAT BINARY)";
    public const string CopyColumnEdges = "COPY column_lineage_edges (from_dataset_id, from_field, to_dataset_id, to_field, transformation_type, transformation_subtype, job_id, source_location) FROM STDIN (FORMAT BINARY)";

    /// <summary>Columns of each output with column lineage (fewer when the output is narrower).</summary>
    public const int MappedColumns = 4;

    public static void WriteEdges(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        for (var w = 0; w < shape.Profile.Workflows; w++)
        {
            var job = ids.Workflow(w);
            foreach (var input in shape.Inputs(w)) Edge(rows, ids.Endpoint(input), job, "reads", shape);
            var (first, count) = shape.Outputs(w);
            for (var d = first; d < first + count; d++) Edge(rows, job, ids.Endpoint(d), "writes", shape);
        }
    }

    public static void WriteColumnEdges(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        for (var w = 0; w < shape.Profile.Workflows; w++)
        {
            var inputs = shape.Inputs(w);
            var (first, count) = shape.Outputs(w);
            for (var d = first; d < first + count; d++)
                for (var c = 0; c < Math.Min(MappedColumns, shape.ColumnCount(d)); c++)
                {
                    var input = inputs[c % inputs.Length];
                    var row = rows.Start();
                    row.Write(ids.Endpoint(input), NpgsqlDbType.Bigint);
                    row.Write(shape.ColumnName(input, c % shape.ColumnCount(input)), NpgsqlDbType.Text);
                    row.Write(ids.Endpoint(d), NpgsqlDbType.Bigint);
                    row.Write(shape.ColumnName(d, c), NpgsqlDbType.Text);
                    row.Write(c == 0 ? "DIRECT" : "INDIRECT", NpgsqlDbType.Text);
                    row.Write(c == 0 ? "IDENTITY" : "TRANSFORMATION", NpgsqlDbType.Text);
                    row.Write(ids.Workflow(w), NpgsqlDbType.Bigint);
                    row.Write(shape.SourceLocation, NpgsqlDbType.Text);
                }
        }
    }

    private static void Edge(StageCopy.Rows rows, long from, long to, string kind, CatalogShape shape)
    {
        var row = rows.Start();
        row.Write(from, NpgsqlDbType.Bigint);
        row.Write(to, NpgsqlDbType.Bigint);
        row.Write(kind, NpgsqlDbType.Text);
        row.Write(shape.SourceLocation, NpgsqlDbType.Text);
    }
}
