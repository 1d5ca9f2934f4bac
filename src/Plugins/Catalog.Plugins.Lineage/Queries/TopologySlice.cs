using Catalog.Domain.Lineage.Graph;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>What a traversal asks for.</summary>
public sealed record TraversalRequest(LineageDirection Direction, int MaxDepth, IReadOnlyCollection<string>? Kinds, int MaxNodes, bool IncludeEdges = true);

/// <summary>A node of a traversal result, by entity id.</summary>
public readonly record struct SliceNode(long EntityId, string Kind, int Depth, bool HasMore);

/// <summary>
/// A traversal result in entity ids, before names and visibility are loaded. <see cref="Engine"/> says which
/// engine answered ("snapshot" or "sql"), which the API reports so slow answers can be explained.
/// </summary>
public sealed record TopologySlice(
    long StartId,
    IReadOnlyList<SliceNode> Upstream,
    IReadOnlyList<SliceNode> Downstream,
    IReadOnlyList<(long From, long To)> Edges,
    bool Truncated,
    string Engine)
{
    /// <summary>Cycles met inside the walked region, each as entity ids (see <see cref="TraversalResult.Cycles"/>).</summary>
    public IReadOnlyList<IReadOnlyList<long>> Cycles { get; init; } = [];

    public static TopologySlice Isolated(long startId, string engine) => new(startId, [], [], [], false, engine);

    /// <summary>Runs the domain traversal on <paramref name="graph"/> and translates indexes back to entity ids.</summary>
    public static TopologySlice Traverse(LineageGraph graph, long startId, TraversalRequest request, string engine)
    {
        var start = graph.IndexOf(startId);
        if (start < 0) return Isolated(startId, engine);
        var result = LineageTraversal.Traverse(graph.Topology, start, new TraversalOptions
        {
            Direction = request.Direction,
            MaxDepth = request.MaxDepth,
            Include = request.Kinds is { Count: > 0 } kinds ? graph.KindFilter(kinds) : null,
            MaxNodes = request.MaxNodes,
            IncludeEdges = request.IncludeEdges,
        });
        SliceNode Map(ReachedNode n) => new(graph.EntityId(n.Node), graph.KindOf(n.Node), n.Depth, n.HasMore);
        return new TopologySlice(
            startId,
            result.Upstream.Select(Map).ToList(),
            result.Downstream.Select(Map).ToList(),
            result.Edges.Select(e => (graph.EntityId(e.From), graph.EntityId(e.To))).ToList(),
            result.Truncated,
            engine)
        {
            Cycles = result.Cycles.Select(c => (IReadOnlyList<long>)c.Select(graph.EntityId).ToList()).ToList(),
        };
    }
}
