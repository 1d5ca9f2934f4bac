using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// The engine's last line of defence for metadata from outside: whatever a harvester sends, what reaches the
/// database fits <see cref="MetadataLimits"/> (and the schema's CHECK constraints).
/// </summary>
internal static class Bound
{
    public static string? Text(string? value, int max) => MetadataLimits.Truncate(value, max);

    public static IReadOnlyList<string> Tags(IEnumerable<string> tags) =>
        tags.Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => MetadataLimits.Truncate(t.Trim(), MetadataLimits.Tag)!)
            .Distinct(StringComparer.Ordinal)
            .Take(MetadataLimits.Tags)
            .ToList();

    /// <summary>Fields with a name, each name once (the first wins), at most <see cref="MetadataLimits.Fields"/>.</summary>
    public static IReadOnlyList<SchemaField> Fields(IEnumerable<SchemaField> fields)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<SchemaField>();
        foreach (var field in fields)
        {
            if (string.IsNullOrWhiteSpace(field.Name)) continue;
            var name = MetadataLimits.Truncate(field.Name, MetadataLimits.FieldName)!;
            if (!seen.Add(name)) continue;
            kept.Add(field with
            {
                Name = name,
                Type = MetadataLimits.Truncate(field.Type, MetadataLimits.FieldType),
                Description = MetadataLimits.Truncate(field.Description, MetadataLimits.Description),
                Tags = Tags(field.Tags),
            });
            if (kept.Count == MetadataLimits.Fields) break;
        }
        return kept;
    }
}
