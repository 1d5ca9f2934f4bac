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

    /// <summary>1-based number of the cycle (in <see cref="LineageView.Cycles"/>) this node lies on, or null.</summary>
    public int? Cycle { get; init; }

    /// <summary>Neighbours in the whole graph, beyond what this response contains; null for restricted nodes and paths.</summary>
    public DirectNeighbours? Direct { get; init; }
}

public sealed record LineageEdgeView(string From, string To);

/// <summary>One cycle as a response shows it: <see cref="Size"/> nodes in all, <see cref="Nodes"/> the ones drawn.</summary>
public sealed record LineageCycleView(int Size, IReadOnlyList<string> Nodes);

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

    /// <summary>
    /// Cycles met by the traversal, each as the node ids of this response that lie on it (visible refs or
    /// <c>restricted:N</c>); members the response does not show (jobs in a dataset-only view) are counted in <see cref="LineageCycleView.Size"/>.
    /// </summary>
    public IReadOnlyList<LineageCycleView> Cycles { get; init; } = [];

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
