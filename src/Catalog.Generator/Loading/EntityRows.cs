using NpgsqlTypes;

namespace Catalog.Generator.Loading;

/// <summary>Every generated entity in one COPY: teams, users, event types, workflows, endpoints (in that order).</summary>
internal static class EntityRows
{
    public const string Copy = "COPY entities (kind, namespace, name, title, description, owner_ref, platform, classification, lifecycle, visibility, tags, source_location) FROM STDIN (FORMAT BINARY)";

    public static void Write(CatalogShape shape, StageCopy.Rows rows)
    {
        var p = shape.Profile;
        for (var t = 0; t < p.Teams; t++)
            Row(rows, "group", "default", shape.TeamName(t), $"Team {t}", $"Owns {shape.Domain(1, t)} data.", null, null, "internal", false, false, [], shape);
        for (var u = 0; u < p.Users; u++)
            Row(rows, "user", "default", shape.UserName(u), null, null, null, null, "internal", false, false, [], shape);
        for (var e = 0; e < p.EventTypes; e++)
            Row(rows, "event-type", "events", shape.EventTypeName(e), null, shape.Description(2, e), shape.TeamRef(shape.OwnerTeam(2, e)), "avro",
                "internal", false, false, [shape.Domain(2, e)], shape);
        for (var w = 0; w < p.Workflows; w++)
            Row(rows, "job", shape.WorkflowNamespace(w), shape.WorkflowName(w), null, shape.Description(14, w), shape.TeamRef(shape.OwnerTeam(14, w)), "styx",
                "internal", false, false, [shape.IsHourly(w) ? "hourly" : "daily"], shape);
        for (var d = 0; d < p.Endpoints; d++)
            Row(rows, "dataset", shape.EndpointNamespace(d), shape.EndpointName(d), null, shape.Description(4, d), shape.TeamRef(shape.OwnerTeam(4, d)),
                shape.EndpointPlatform(d), shape.EndpointClassification(d), shape.IsDeprecated(d), shape.IsRestricted(d),
                shape.IsHub(d) ? ["hub", shape.Domain(4, d)] : [shape.Domain(4, d)], shape);
    }

    private static void Row(StageCopy.Rows rows, string kind, string @namespace, string name, string? title, string? description, string? owner,
        string? platform, string classification, bool deprecated, bool restricted, string[] tags, CatalogShape shape)
    {
        var row = rows.Start();
        row.Write(kind, NpgsqlDbType.Text);
        row.Write(@namespace, NpgsqlDbType.Text);
        row.Write(name, NpgsqlDbType.Text);
        WriteNullable(row, title);
        WriteNullable(row, description);
        WriteNullable(row, owner);
        WriteNullable(row, platform);
        row.Write(classification, NpgsqlDbType.Text);
        row.Write(deprecated ? "deprecated" : "active", NpgsqlDbType.Text);
        row.Write(restricted ? "restricted" : "everyone", NpgsqlDbType.Text);
        row.Write(tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
        row.Write(shape.SourceLocation, NpgsqlDbType.Text);
    }

    internal static void WriteNullable(Npgsql.NpgsqlBinaryImporter row, string? value)
    {
        if (value is null) row.WriteNull(); else row.Write(value, NpgsqlDbType.Text);
    }
}
