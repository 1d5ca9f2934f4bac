using System.Text.Json;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>A JSON value with the path that leads to it, so every problem can name where it is (<c>$.run.runId</c>).</summary>
internal readonly record struct JsonNode(JsonElement Element, string Path)
{
    public JsonValueKind Kind => Element.ValueKind;

    public bool IsObject => Element.ValueKind == JsonValueKind.Object;

    /// <summary>The property, or null when it is absent or JSON null.</summary>
    public JsonNode? this[string name] =>
        IsObject && Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonNode(value, $"{Path}.{name}") : null;

    public IEnumerable<JsonNode> Items()
    {
        var path = Path;
        return Element.ValueKind == JsonValueKind.Array ? Element.EnumerateArray().Select((e, i) => new JsonNode(e, $"{path}[{i}]")) : [];
    }

    public IEnumerable<(string Name, JsonNode Value)> Properties()
    {
        var path = Path;
        return IsObject ? Element.EnumerateObject().Select(p => (p.Name, new JsonNode(p.Value, $"{path}.{p.Name}"))) : [];
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>Problems found while reading one event: each names a JSON path and what was expected there.</summary>
internal sealed class ParseProblems
{
    private readonly List<(string Path, string Message)> problems = [];

    public IReadOnlyList<(string Path, string Message)> All => problems;

    public void Add(string path, string message) => problems.Add((path, message));

    public string? String(JsonNode parent, string name, bool required = false)
    {
        var node = parent[name];
        if (node is null)
        {
            if (required) Add($"{parent.Path}.{name}", "is required: expected a string");
            return null;
        }
        if (node.Value.Kind != JsonValueKind.String)
        {
            Add(node.Value.Path, $"expected a string, got {JsonNode.Describe(node.Value.Kind)}");
            return null;
        }
        var value = node.Value.Element.GetString();
        if (required && string.IsNullOrWhiteSpace(value)) Add(node.Value.Path, "must not be empty");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public JsonNode? Object(JsonNode parent, string name, bool required = false)
    {
        var node = parent[name];
        if (node is null)
        {
            if (required) Add($"{parent.Path}.{name}", "is required: expected an object");
            return null;
        }
        if (node.Value.IsObject) return node;
        Add(node.Value.Path, $"expected an object, got {JsonNode.Describe(node.Value.Kind)}");
        return null;
    }

    public IEnumerable<JsonNode> Array(JsonNode parent, string name)
    {
        var node = parent[name];
        if (node is null) return [];
        if (node.Value.Kind == JsonValueKind.Array) return node.Value.Items();
        Add(node.Value.Path, $"expected an array, got {JsonNode.Describe(node.Value.Kind)}");
        return [];
    }

    public long? Long(JsonNode parent, string name)
    {
        var node = parent[name];
        if (node is null) return null;
        if (node.Value.Kind == JsonValueKind.Number && node.Value.Element.TryGetInt64(out var value)) return value;
        if (node.Value.Kind == JsonValueKind.Number && node.Value.Element.TryGetDouble(out var number) && number is >= long.MinValue and <= long.MaxValue)
            return (long)number;
        Add(node.Value.Path, $"expected an integer, got {JsonNode.Describe(node.Value.Kind)}");
        return null;
    }
}
