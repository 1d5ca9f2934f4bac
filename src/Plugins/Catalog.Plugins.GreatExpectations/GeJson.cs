using System.Globalization;
using System.Text.Json;

namespace Catalog.Plugins.GreatExpectations;

internal static class GeJson
{
    public static string? Str(this JsonElement e, string p) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static JsonElement? Obj(this JsonElement e, string p) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>GE writes times as ISO 8601 or in its compact run-id form <c>20200322T170247.671855Z</c>.</summary>
    public static DateTimeOffset? Time(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        string[] compact = ["yyyyMMdd'T'HHmmss.ffffff'Z'", "yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss.fff'Z'"];
        if (DateTimeOffset.TryParseExact(text, compact, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)) return exact;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso : null;
    }
}
