namespace Catalog.Plugins.Lineage.Queries;

/// <summary>Where a node sits relative to the start of a lineage view.</summary>
public enum LineageSide
{
    Start,
    Upstream,
    Downstream,
    /// <summary>On a cycle through the start: both upstream and downstream.</summary>
    Both,
}

/// <summary>
/// A node as shown to one principal. A node they may not see keeps its place in the graph (so paths stay
/// true) but is opaque: <see cref="Id"/> is <c>restricted:N</c>, numbered per response, and every detail is empty.
/// </summary>
public sealed record LineageNodeView(string Id, string Kind, int Depth, LineageSide Side, bool HasMore, EntityDetails? Details)
{
    public const string RestrictedPrefix = "restricted:";
    public bool Restricted => Details is null;
    public string Label => Details is null ? "Restricted" : Details.Title ?? Details.Name;

    /// <summary>Neighbours in the whole graph, beyond what this response contains; null for restricted nodes and paths.</summary>
    public DirectNeighbours? Direct { get; init; }
}

public sealed record LineageEdgeView(string From, string To);

/// <summary>Lineage around one node as one principal may see it.</summary>
public sealed record LineageView(
    LineageNodeView Start,
    IReadOnlyList<LineageNodeView> Upstream,
    IReadOnlyList<LineageNodeView> Downstream,
    IReadOnlyList<LineageEdgeView> Edges,
    bool Truncated,
    string Engine)
{
    /// <summary>Every node once: the start, then upstream, then downstream (a node on a cycle appears once, marked Both).</summary>
    public IReadOnlyList<LineageNodeView> Nodes { get; } = Distinct(Start, Upstream, Downstream);

    private static List<LineageNodeView> Distinct(LineageNodeView start, IEnumerable<LineageNodeView> upstream, IEnumerable<LineageNodeView> downstream)
    {
        var seen = new Dictionary<string, int>();
        var nodes = new List<LineageNodeView>();
        foreach (var node in new[] { start }.Concat(upstream).Concat(downstream))
        {
            if (seen.TryGetValue(node.Id, out var at))
            {
                if (nodes[at].Side != LineageSide.Start) nodes[at] = nodes[at] with { Side = LineageSide.Both, Depth = Math.Min(nodes[at].Depth, node.Depth) };
                continue;
            }
            seen[node.Id] = nodes.Count;
            nodes.Add(node);
        }
        return nodes;
    }
}
