using Catalog.Domain.Entities;

namespace Catalog.Plugins.Ui;

/// <summary>
/// Which entities a tab or card applies to, written as Backstage writes it: <c>kind:dataset</c>,
/// <c>kind:dataset,job</c>, <c>platform:bigquery</c>, or several terms separated by spaces (all must hold).
/// An empty filter matches every entity.
/// </summary>
public sealed class EntityFilter
{
    private readonly IReadOnlyList<(string Field, HashSet<string> Values)> terms;

    private EntityFilter(string text, IReadOnlyList<(string, HashSet<string>)> terms)
    {
        Text = text;
        this.terms = terms;
    }

    public string Text { get; }

    public static EntityFilter All { get; } = Parse("");

    public static EntityFilter Parse(string text)
    {
        var parsed = new List<(string, HashSet<string>)>();
        foreach (var term in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == term.Length - 1)
                throw new FormatException($"Filter term '{term}' is not of the form field:value[,value].");
            var field = term[..colon].ToLowerInvariant();
            if (field is not ("kind" or "platform" or "namespace"))
                throw new FormatException($"Filter field '{field}' is unknown: use kind, platform or namespace.");
            parsed.Add((field, new HashSet<string>(term[(colon + 1)..].Split(','), StringComparer.OrdinalIgnoreCase)));
        }
        return new EntityFilter(text, parsed);
    }

    public bool Matches(CatalogEntity entity) => terms.All(t => t.Field switch
    {
        "kind" => t.Values.Contains(entity.Ref.Kind),
        "platform" => entity.Platform is not null && t.Values.Contains(entity.Platform),
        "namespace" => t.Values.Contains(entity.Ref.Namespace),
        _ => false,
    });

    public override string ToString() => Text;
}
