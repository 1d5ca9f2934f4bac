using Catalog.Domain.Lineage.Graph;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Catalog.Domain.Lineage.Analytics;

/// <summary>
/// Cycles in lineage (backfills, feedback loops, a job reading what it writes): the strongly connected components
/// of more than one node, plus nodes with an edge to themselves, found with QuikGraph's Tarjan algorithm over the
/// compact graph (<see cref="CompactGraphAdapter"/>) or over a traversal's region (<see cref="RegionAdapter"/>).
/// Each cycle lists its nodes in ascending order; cycles are ordered largest first, then by their smallest node.
/// </summary>
public static class LineageCycles
{
    /// <summary>Every cycle of the whole graph.</summary>
    public static IReadOnlyList<int[]> All(CompactGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Components(new CompactGraphAdapter(graph), graph);
    }

    /// <summary>The cycles that lie entirely inside <paramref name="region"/> (edges leaving it are ignored).</summary>
    public static IReadOnlyList<int[]> Within(CompactGraph graph, IEnumerable<int> region)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Components(new RegionAdapter(graph, region), graph);
    }

    private static List<int[]> Components(IVertexListGraph<int, SEdge<int>> view, CompactGraph graph)
    {
        var componentOf = new Dictionary<int, int>(view.VertexCount);
        var count = view.StronglyConnectedComponents(componentOf);
        if (count == view.VertexCount) return SelfLoops(view, graph);

        var sizes = new int[count];
        foreach (var component in componentOf.Values) sizes[component]++;
        var members = new List<int>?[count];
        foreach (var (node, component) in componentOf)
            if (sizes[component] > 1 || graph.HasEdge(node, node)) (members[component] ??= []).Add(node);
        return Order(members.OfType<List<int>>().Select(m => { var nodes = m.ToArray(); Array.Sort(nodes); return nodes; }));
    }

    private static List<int[]> SelfLoops(IVertexListGraph<int, SEdge<int>> view, CompactGraph graph) =>
        Order(view.Vertices.Where(node => graph.HasEdge(node, node)).Select(node => new[] { node }));

    private static List<int[]> Order(IEnumerable<int[]> cycles) =>
        [.. cycles.OrderByDescending(c => c.Length).ThenBy(c => c[0])];
}
