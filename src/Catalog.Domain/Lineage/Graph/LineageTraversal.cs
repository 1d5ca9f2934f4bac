using Catalog.Domain.Lineage.Analytics;

namespace Catalog.Domain.Lineage.Graph;

/// <summary>
/// Breadth-first walks over a <see cref="CompactGraph"/>: depth-limited, cycle-safe (each node is visited once
/// per direction), with a node filter and a cap on reported nodes. Upstream and downstream are walked
/// separately and never sideways, so "both" does not pull in siblings. Cycles inside the walked region are
/// reported (<see cref="TraversalResult.Cycles"/>) rather than silently cut.
/// </summary>
public static class LineageTraversal
{
    public static TraversalResult Traverse(CompactGraph graph, int start, TraversalOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        if ((uint)start >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(start), start, "Start node is not in the graph.");
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDepth);

        using var region = new VisitedSet(graph.NodeCount);
        using var reported = new VisitedSet(graph.NodeCount);
        region.Add(start);
        var walked = options.DetectCycles ? new List<int> { start } : null;
        reported.Add(start);
        var budget = new Budget(options.MaxNodes);
        var include = options.Include ?? (_ => true);

        var upstream = options.Direction is LineageDirection.Upstream or LineageDirection.Both
            ? Walk(graph, start, LineageDirection.Upstream, options.MaxDepth, include, region, reported, budget, walked) : [];
        var downstream = options.Direction is LineageDirection.Downstream or LineageDirection.Both
            ? Walk(graph, start, LineageDirection.Downstream, options.MaxDepth, include, region, reported, budget, walked) : [];
        // Cycles are reported, not only survived: the visited set stops the walk going round, and this says where it would have.
        var cycles = walked is null ? [] : LineageCycles.Within(graph, walked);

        if (!options.IncludeEdges) return new TraversalResult(start, upstream, downstream, [], budget.Exhausted) { Cycles = cycles };
        var reportedNodes = new List<int>(upstream.Count + downstream.Count + 1) { start };
        reportedNodes.AddRange(upstream.Select(n => n.Node));
        reportedNodes.AddRange(downstream.Select(n => n.Node));
        var edges = CollectEdges(graph, reportedNodes.Distinct(), region, reported);
        return new TraversalResult(start, upstream, downstream, edges, budget.Exhausted) { Cycles = cycles };
    }

    private static List<ReachedNode> Walk(
        CompactGraph graph, int start, LineageDirection direction, int maxDepth,
        Func<int, bool> include, VisitedSet region, VisitedSet reported, Budget budget, List<int>? walked)
    {
        var found = new List<ReachedNode>();
        using var seen = new VisitedSet(graph.NodeCount);
        seen.Add(start);
        var frontier = new List<int> { start };
        var next = new List<int>();
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            foreach (var node in frontier)
            {
                foreach (var neighbour in graph.Neighbours(node, direction))
                {
                    if (!seen.Add(neighbour)) continue;
                    next.Add(neighbour);
                    if (region.Add(neighbour)) walked?.Add(neighbour);
                    if (!include(neighbour)) continue;
                    if (!budget.Take()) return found;
                    reported.Add(neighbour);
                    var hasMore = depth == maxDepth && !graph.Neighbours(neighbour, direction).IsEmpty;
                    found.Add(new ReachedNode(neighbour, depth, hasMore));
                }
            }
            (frontier, next) = (next, frontier);
            next.Clear();
        }
        return found;
    }

    // Edges between reported nodes, following the flow. From each reported node, hops through walked but
    // unreported nodes (jobs in a dataset-only view) until reported nodes are met; those become edges.
    private static List<(int From, int To)> CollectEdges(CompactGraph graph, IEnumerable<int> reportedNodes, VisitedSet region, VisitedSet reported)
    {
        var edges = new List<(int, int)>();
        var targets = new HashSet<int>();
        var passedThrough = new HashSet<int>();
        var stack = new Stack<int>();
        foreach (var from in reportedNodes)
        {
            targets.Clear();
            passedThrough.Clear();
            stack.Push(from);
            while (stack.Count > 0)
            {
                foreach (var to in graph.Successors(stack.Pop()))
                {
                    if (!region.Contains(to)) continue;
                    if (reported.Contains(to)) { if (targets.Add(to)) edges.Add((from, to)); }
                    else if (passedThrough.Add(to)) stack.Push(to);
                }
            }
        }
        return edges;
    }

    private sealed class Budget(int limit)
    {
        private int used;
        public bool Exhausted { get; private set; }

        public bool Take()
        {
            if (used >= limit) { Exhausted = true; return false; }
            used++;
            return true;
        }
    }
}
