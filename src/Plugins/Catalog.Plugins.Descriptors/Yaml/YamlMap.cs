using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Plugins.Descriptors.Yaml;

/// <summary>
/// Typed, position-aware reads from a YAML mapping. Every read that finds the wrong shape records a problem naming
/// the field's path, its line and what was expected, and returns null so reading can go on and report everything.
/// </summary>
public sealed class YamlMap(YamlMappingNode node, string path, DescriptorProblems problems)
{
    public YamlMappingNode Node { get; } = node;
    public string Path { get; } = path;
    public DescriptorProblems Problems { get; } = problems;
    public Mark Start => Node.Start;

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Get(string key) =>
        Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Where to point a problem about <paramref name="key"/>: the value if present, else the mapping.</summary>
    public Mark At(string key) => Get(key)?.Start ?? Node.Start;

    public void Problem(string key, string message) => Problems.Add(At(key), FieldPath(key), message);

    public string? String(string key, bool required = false)
    {
        var value = Get(key);
        if (value is null or YamlScalarNode { Value: null })
        {
            if (required) Problems.Add(Node.Start, FieldPath(key), "is required: expected a string");
            return null;
        }
        if (value is YamlScalarNode scalar)
        {
            if (required && string.IsNullOrWhiteSpace(scalar.Value))
            {
                Problems.Add(value.Start, FieldPath(key), "is required: expected a non-empty string");
                return null;
            }
            return scalar.Value;
        }
        Problems.Add(value.Start, FieldPath(key), $"expected a string, got {Describe(value)}");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null) return null;
        if (bool.TryParse(text, out var result)) return result;
        Problem(key, $"expected true or false, got '{text}'");
        return null;
    }

    public int? Int(string key)
    {
        var text = String(key);
        if (text is null) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var result)) return result;
        Problem(key, $"expected a whole number, got '{text}'");
        return null;
    }

    public YamlMap? Map(string key, bool required = false)
    {
        var value = Get(key);
        if (value is null or YamlScalarNode { Value: null or "" })
        {
            if (required) Problems.Add(Node.Start, FieldPath(key), "is required: expected a mapping");
            return null;
        }
        if (value is YamlMappingNode mapping) return new YamlMap(mapping, FieldPath(key), Problems);
        Problems.Add(value.Start, FieldPath(key), $"expected a mapping, got {Describe(value)}");
        return null;
    }

    /// <summary>A sequence of items; a single scalar is accepted as a one-item list where <paramref name="allowSingle"/>.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> List(string key, bool allowSingle = false)
    {
        var value = Get(key);
        if (value is null or YamlScalarNode { Value: null }) return [];
        if (value is YamlSequenceNode sequence)
            return sequence.Children.Select((child, i) => (child, $"{FieldPath(key)}[{i}]")).ToList();
        if (allowSingle && value is YamlScalarNode) return [(value, FieldPath(key))];
        Problems.Add(value.Start, FieldPath(key), $"expected a list, got {Describe(value)}");
        return [];
    }

    /// <summary>Strings of a list; non-string items are reported and skipped.</summary>
    public IReadOnlyList<(string Value, Mark At, string Path)> Strings(string key, bool allowSingle = false)
    {
        var result = new List<(string, Mark, string)>();
        foreach (var (item, itemPath) in List(key, allowSingle))
        {
            if (item is YamlScalarNode { Value: { } text }) result.Add((text, item.Start, itemPath));
            else Problems.Add(item.Start, itemPath, $"expected a string, got {Describe(item)}");
        }
        return result;
    }

    /// <summary>Reports keys that are not in <paramref name="known"/>: a typo must not silently drop a declaration.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var key in Node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (known.Contains(name)) continue;
            var suggestion = known.OrderBy(k => Levenshtein(k, name)).FirstOrDefault();
            var hint = suggestion is not null && Levenshtein(suggestion, name) <= 2 ? $" (did you mean '{suggestion}'?)" : "";
            Problems.Add(key.Start, FieldPath(name), $"is not a known field{hint}; expected one of: {string.Join(", ", known)}");
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{Shorten(s.Value!)}'",
        _ => "an alias",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
