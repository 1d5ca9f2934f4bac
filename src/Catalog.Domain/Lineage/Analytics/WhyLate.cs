using Catalog.Domain.Lineage.Graph;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Observers;
using QuikGraph.Algorithms.ShortestPath;

namespace Catalog.Domain.Lineage.Analytics;

/// <summary>
/// "Why is this late?" over the upstream lineage of one dataset: walk upstream (bounded), condense cycles into
/// single steps (QuikGraph's strongly connected components over a <see cref="RegionAdapter"/>), then take the
/// longest path by expected duration into the dataset (QuikGraph's DAG shortest path with the critical-distance
/// relaxer over the condensed graph, which is region-sized). A condensed cycle weighs what its slowest member does:
/// its members run in turn, but one period's work goes round once, not once per member.
/// </summary>
public static class WhyLate
{
    public static LateExplanation Explain(CompactGraph graph, int target, Func<int, NodeTiming> timing, Func<int, bool> isJob, int maxNodes = 50_000)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(isJob);
        if ((uint)target >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(target), target, "Node is not in the graph.");

        var walk = LineageTraversal.Traverse(graph, target, new TraversalOptions
        {
            Direction = LineageDirection.Upstream, MaxDepth = int.MaxValue, MaxNodes = maxNodes, IncludeEdges = false, DetectCycles = false,
        });
        var region = new List<int>(walk.Upstream.Count + 1) { target };
        region.AddRange(walk.Upstream.Select(n => n.Node));
        var timings = region.ToDictionary(n => n, timing);

        var problems = walk.Upstream.Where(n => timings[n.Node].Causes != LateCause.None)
            .Select(n => new UpstreamProblem(n.Node, n.Depth, timings[n.Node].Causes)).ToList();

        // Condense: one vertex per strongly connected component, edges against the flow (target first).
        var upstream = new RegionAdapter(graph, region, reversed: true);
        var componentOf = new Dictionary<int, int>(region.Count);
        var componentCount = upstream.StronglyConnectedComponents(componentOf);
        var members = new List<int>[componentCount];
        foreach (var node in region) (members[componentOf[node]] ??= []).Add(node);
        var heaviest = members.Select(m => m.OrderByDescending(n => timings[n].ExpectedMinutes).ThenBy(n => n).First()).ToArray();

        var condensed = new AdjacencyGraph<int, SEdge<int>>(allowParallelEdges: false, vertexCapacity: componentCount, edgeCapacity: 4);
        condensed.AddVertexRange(Enumerable.Range(0, componentCount));
        foreach (var node in region)
            foreach (var edge in upstream.OutEdges(node))
            {
                var (from, to) = (componentOf[edge.Source], componentOf[edge.Target]);
                if (from != to && !condensed.ContainsEdge(from, to)) condensed.AddEdge(new SEdge<int>(from, to));
            }

        // Longest path from the target's component outward: an edge weighs what the step it leads to is expected to take.
        var dag = new DagShortestPathAlgorithm<int, SEdge<int>>(condensed, e => timings[heaviest[e.Target]].ExpectedMinutes, DistanceRelaxers.CriticalDistance);
        var predecessors = new VertexPredecessorRecorderObserver<int, SEdge<int>>();
        using (predecessors.Attach(dag)) dag.Compute(componentOf[target]);

        var start = componentOf[target];
        var (farthest, longest) = (start, 0.0);
        for (var component = 0; component < componentCount; component++)
            if (dag.TryGetDistance(component, out var distance) && distance > longest) (farthest, longest) = (component, distance);

        var path = new List<CriticalStep>();
        for (var component = farthest; ; )
        {
            var node = heaviest[component];
            path.Add(new CriticalStep(node, timings[node].ExpectedMinutes, CausesOf(members[component], timings), members[component].Count));
            if (component == start || !predecessors.VerticesPredecessors.TryGetValue(component, out var edge)) break;
            component = edge.Source;
        }
        // A target on a cycle condenses with its loop; the last step is still the target itself.
        if (path[^1].Node != target) path[^1] = path[^1] with { Node = target };

        var firstLate = path.FirstOrDefault(s => isJob(s.Node) && (s.Causes & ~LateCause.LateInput) != LateCause.None) is { Causes: not LateCause.None } job
            ? job
            : path.FirstOrDefault(s => s.Causes != LateCause.None && s.Node != target) is { Causes: not LateCause.None } any ? any : (CriticalStep?)null;
        return new LateExplanation(target, problems, path, longest + timings[target].ExpectedMinutes,
            members.Count(m => m.Count > 1), walk.Truncated) { FirstLate = firstLate };
    }

    private static LateCause CausesOf(List<int> members, Dictionary<int, NodeTiming> timings)
    {
        var causes = LateCause.None;
        foreach (var node in members) causes |= timings[node].Causes;
        return causes;
    }
}
