namespace Catalog.Domain.Lineage.Graph;

/// <summary>A node reached by a traversal; <see cref="HasMore"/> when it sits at the depth limit with neighbours beyond.</summary>
public readonly record struct ReachedNode(int Node, int Depth, bool HasMore = false);

/// <summary>
/// The part of the graph around a start node. A node on a cycle may be both upstream and downstream and then
/// appears in both lists. <see cref="Edges"/> connect reported nodes (start included): direct edges, and edges
/// drawn through walked nodes that the filter left out (dataset → dataset across a job).
/// </summary>
public sealed record TraversalResult(
    int Start,
    IReadOnlyList<ReachedNode> Upstream,
    IReadOnlyList<ReachedNode> Downstream,
    IReadOnlyList<(int From, int To)> Edges,
    bool Truncated)
{
    /// <summary>
    /// Cycles met: the nodes (reported or walked through) of each strongly connected component inside the walked
    /// region, ascending; empty when the region is acyclic or <see cref="TraversalOptions.DetectCycles"/> was off.
    /// </summary>
    public IReadOnlyList<int[]> Cycles { get; init; } = [];

    /// <summary>The start and every reported node, each once.</summary>
    public IEnumerable<int> Nodes() => new[] { Start }.Concat(Upstream.Select(n => n.Node)).Concat(Downstream.Select(n => n.Node)).Distinct();
}
