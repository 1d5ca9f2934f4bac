using Catalog.Domain.Entities;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// Parses Marquez's column node ids, <c>datasetField:namespace:dataset:field</c>, or a dataset id meaning all
/// its columns. The field is what follows the last colon (dataset names and URI namespaces may hold colons).
/// </summary>
public static class ColumnNodeId
{
    public const string Prefix = "datasetField:";

    public static bool TryParse(string? value, out EntityRef dataset, out string? field)
    {
        (dataset, field) = (default, null);
        if (string.IsNullOrEmpty(value)) return false;
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
            return EntityRef.TryParse(value, out dataset) && dataset.Kind == EntityKind.Dataset;
        var rest = value[Prefix.Length..];
        var lastColon = rest.LastIndexOf(':');
        if (lastColon <= 0 || lastColon == rest.Length - 1) return false;
        field = rest[(lastColon + 1)..];
        return EntityRef.TryParse("dataset:" + rest[..lastColon], out dataset);
    }
}
