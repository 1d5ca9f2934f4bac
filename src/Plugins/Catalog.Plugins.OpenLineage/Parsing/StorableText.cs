using System.Text.Json;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>
/// PostgreSQL's text and jsonb cannot hold NUL (U+0000): an event carrying one anywhere (a name, a facet, a property
/// name) can never be stored, so it is a validation error of that event, found before anything is applied, instead of a
/// failed commit that suggests a replay could ever succeed.
/// </summary>
internal static class StorableText
{
    /// <summary>The JSON path of the first string or property name holding a NUL, or null.</summary>
    public static string? FindNul(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.ValueEquals("") || !element.GetString()!.Contains('\0') ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Contains('\0')) return $"{path}.{property.Name.Replace('\0', '?')}";
                    if (FindNul(property.Value, $"{path}.{property.Name}") is { } inside) return inside;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (FindNul(item, $"{path}[{index++}]") is { } inside) return inside;
                return null;
            default:
                return null;
        }
    }
}
