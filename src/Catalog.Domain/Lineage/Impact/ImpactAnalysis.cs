using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Lineage.Impact;

/// <summary>
/// "What breaks if I change this?": every endpoint (by default every dataset) downstream of a node, at its
/// shortest distance. Jobs are walked through, not reported: they are the path, the datasets are the impact.
/// </summary>
public static class ImpactAnalysis
{
    public static IReadOnlyList<ReachedNode> Downstream(CompactGraph graph, int start, Func<int, bool> isEndpoint, int maxDepth = int.MaxValue, int maxNodes = int.MaxValue) =>
        LineageTraversal.Traverse(graph, start, new TraversalOptions
        {
            Direction = LineageDirection.Downstream,
            MaxDepth = maxDepth,
            Include = isEndpoint,
            MaxNodes = maxNodes,
            IncludeEdges = false,
        }).Downstream;
}
