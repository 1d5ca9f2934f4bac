using System.Text.Json;
using Catalog.Domain.Entities;

namespace Catalog.Plugins.GreatExpectations;

/// <summary>
/// Names an expectation as a check: its type plus its arguments, column included, because the catalog identifies an
/// outcome by dataset, check name and time (two not-null checks on different columns must stay distinct).
/// </summary>
internal static class ExpectationDescriber
{
    private static readonly HashSet<string> Ignored = ["result_format", "catch_exceptions", "include_config", "batch_id"];

    public static (string Type, string CheckName, string? Column) Describe(JsonElement config)
    {
        var type = config.Str("expectation_type") ?? config.Str("type") ?? "unknown_expectation";
        var kwargs = config.Obj("kwargs");
        var column = kwargs?.Str("column")
            ?? (kwargs?.Str("column_A") is { } a && kwargs?.Str("column_B") is { } b ? $"{a},{b}" : null);
        var arguments = kwargs is { } k
            ? k.EnumerateObject().Where(p => !Ignored.Contains(p.Name)).Select(p => $"{p.Name}={Short(p.Value)}").ToList()
            : [];
        var name = arguments.Count == 0 ? type : $"{type}({string.Join(", ", arguments)})";
        return (type, MetadataLimits.Truncate(name, MetadataLimits.Title)!, column);
    }

    private static string Short(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
