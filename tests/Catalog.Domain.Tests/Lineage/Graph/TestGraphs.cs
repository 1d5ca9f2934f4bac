using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Graph;

/// <summary>Small graphs written as "a>b b>c": node names map to indexes in order of first appearance.</summary>
internal sealed class TestGraph
{
    private readonly List<string> names = [];

    public TestGraph(string edges)
    {
        var from = new List<int>();
        var to = new List<int>();
        foreach (var edge in edges.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = edge.Split('>');
            if (parts.Length == 1) { Index(parts[0]); continue; }
            from.Add(Index(parts[0]));
            to.Add(Index(parts[1]));
        }
        Graph = CompactGraph.Build(names.Count, [.. from], [.. to]);
    }

    public CompactGraph Graph { get; }

    public int this[string name] => names.IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException(name);

    public string Name(int node) => names[node];

    public string Names(IEnumerable<ReachedNode> nodes) =>
        string.Join(" ", nodes.Select(n => $"{names[n.Node]}@{n.Depth}").Order(StringComparer.Ordinal));

    public string Edges(IEnumerable<(int From, int To)> edges) =>
        string.Join(" ", edges.Select(e => $"{names[e.From]}>{names[e.To]}").Order(StringComparer.Ordinal));

    private int Index(string name)
    {
        var index = names.IndexOf(name);
        if (index >= 0) return index;
        names.Add(name);
        return names.Count - 1;
    }
}
