using System.Text.Json;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Plugins.Dbt.Artifacts;
using Catalog.Plugins.Dbt.Manifest;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.Dbt.CatalogJson;

/// <summary>
/// catalog.json (from <c>dbt docs generate</c>): the warehouse's own column list and types, which is complete
/// (the manifest lists documented columns only), plus table statistics. Descriptions and tags from the manifest are
/// merged in, so the dataset's field list is replaced with the complete one without losing documentation. Row count
/// and bytes become the size of the dataset's single partition <c>all</c>.
/// </summary>
public static class CatalogItems
{
    public static (List<HarvestItem> Items, List<DbtProblem> Problems) Read(ReadOnlyMemory<byte> content, DbtManifest? manifest, ManifestItems? manifestItems, DbtNaming naming)
    {
        using var document = DbtDocument.Parse(content);
        var root = document.RootElement;
        var generatedAt = root.Object("metadata")?.Time("generated_at") ?? DateTimeOffset.UnixEpoch;
        var items = new List<HarvestItem>();
        var problems = new List<DbtProblem>();
        foreach (var section in new[] { "nodes", "sources" })
        {
            if (root.Object(section) is not { } entries) continue;
            foreach (var entry in entries.EnumerateObject())
            {
                var path = DbtJson.Path($"$.{section}", entry.Name);
                var table = entry.Value;
                var metadata = table.Object("metadata");
                var tableName = metadata?.String("name");
                if (tableName is null)
                {
                    problems.Add(new DbtProblem($"{path}.metadata.name", "expected the table's name; the entry was skipped"));
                    continue;
                }
                DbtNode? node = null;
                manifest?.Nodes.TryGetValue(entry.Name, out node);
                var entity = node is not null && manifestItems is not null
                    ? manifestItems.Entity(node)
                    : new CatalogEntity { Ref = naming.Dataset(metadata?.String("database"), metadata?.String("schema"), tableName), Location = $"{metadata?.String("schema")}.{tableName}" };
                var documented = node?.Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase) ?? [];
                var fields = Columns(table).Select(column =>
                {
                    documented.TryGetValue(column.Name, out var doc);
                    return new SchemaField
                    {
                        Name = MetadataLimits.Truncate(column.Name, MetadataLimits.FieldName)!,
                        Type = MetadataLimits.Truncate(column.Type, MetadataLimits.FieldType),
                        Description = MetadataLimits.Truncate(doc?.Description ?? column.Comment, MetadataLimits.Description),
                        Tags = doc?.Tags ?? [],
                    };
                }).Take(MetadataLimits.Fields).ToList();
                items.Add(new DatasetFound(new Dataset { Entity = entity, Fields = fields }) { FieldsComplete = true });
                var (rows, bytes) = Stats(table);
                if (rows is not null || bytes is not null)
                    items.Add(new PartitionFound(entity.Ref, new Partition { Key = "all", Granularity = PartitionGranularity.None, RowCount = rows, Bytes = bytes, CreatedAt = generatedAt }));
            }
        }
        return (items, problems);
    }

    private static IEnumerable<(string Name, string? Type, string? Comment)> Columns(JsonElement table) =>
        table.Object("columns") is { } columns
            ? columns.EnumerateObject()
                .Where(c => c.Value.ValueKind == JsonValueKind.Object)
                .OrderBy(c => c.Value.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetDouble() : double.MaxValue)
                .Select(c => (c.Value.String("name") ?? c.Name, c.Value.String("type"), c.Value.String("comment")))
            : [];

    /// <summary>Adapters name statistics differently: <c>num_rows</c>/<c>row_count</c>/<c>rows</c>, <c>num_bytes</c>/<c>bytes</c>.</summary>
    private static (long? Rows, long? Bytes) Stats(JsonElement table)
    {
        if (table.Object("stats") is not { } stats) return (null, null);
        long? Read(params string[] names)
        {
            foreach (var name in names)
                if (stats.Object(name) is { } stat && stat.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number)
                    return (long)value.GetDouble();
            return null;
        }
        return (Read("num_rows", "row_count", "rows"), Read("num_bytes", "bytes"));
    }
}
