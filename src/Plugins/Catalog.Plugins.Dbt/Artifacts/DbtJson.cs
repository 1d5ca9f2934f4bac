using System.Text.Json;

namespace Catalog.Plugins.Dbt.Artifacts;

/// <summary>Tolerant reads of dbt JSON: artifacts differ across schema versions, so absent or null means "not known".</summary>
internal static class DbtJson
{
    public static string? String(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    public static JsonElement? Object(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray() : [];

    public static IReadOnlyList<string> Strings(this JsonElement element, string property) =>
        element.Array(property).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();

    public static DateTimeOffset? Time(this JsonElement element, string property) =>
        element.String(property) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public static string Path(string parent, string key) => $"{parent}[\"{key}\"]";
}
