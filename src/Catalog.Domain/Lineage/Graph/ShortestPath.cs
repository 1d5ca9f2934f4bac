namespace Catalog.Domain.Lineage.Graph;

/// <summary>
/// The shortest path along the flow of data between two nodes: breadth-first from both ends at once
/// (forward from the source, backward from the target), always growing the smaller frontier, so a path
/// query touches about the square root of what a one-sided search would on a wide graph.
/// </summary>
public static class ShortestPath
{
    /// <summary>Nodes from <paramref name="from"/> to <paramref name="to"/> inclusive, or null when data does not flow from one to the other within <paramref name="maxLength"/> edges.</summary>
    public static IReadOnlyList<int>? Find(CompactGraph graph, int from, int to, int maxLength = 100)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if ((uint)from >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(from), from, "Node is not in the graph.");
        if ((uint)to >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(to), to, "Node is not in the graph.");
        if (from == to) return [from];

        var forward = new Side(from, LineageDirection.Downstream);
        var backward = new Side(to, LineageDirection.Upstream);
        while (forward.Frontier.Count > 0 && backward.Frontier.Count > 0 && forward.Depth + backward.Depth < maxLength)
        {
            var (grow, other) = forward.Frontier.Count <= backward.Frontier.Count ? (forward, backward) : (backward, forward);
            var meeting = grow.ExpandLevel(graph, other);
            if (meeting >= 0) return Join(forward, backward, meeting);
        }
        return null;
    }

    private static List<int> Join(Side forward, Side backward, int meeting)
    {
        var path = new List<int>();
        for (var node = meeting; node >= 0; node = forward.Parent[node]) path.Add(node);
        path.Reverse();
        for (var node = backward.Parent[meeting]; node >= 0; node = backward.Parent[node]) path.Add(node);
        return path;
    }

    private sealed class Side(int origin, LineageDirection direction)
    {
        public Dictionary<int, int> Parent { get; } = new() { [origin] = -1 };
        public Dictionary<int, int> Distance { get; } = new() { [origin] = 0 };
        public List<int> Frontier { get; private set; } = [origin];
        public int Depth { get; private set; }

        // Grows one full level; among meetings found in it, returns the one with the shortest total length.
        public int ExpandLevel(CompactGraph graph, Side other)
        {
            Depth++;
            var next = new List<int>();
            var best = -1;
            var bestLength = int.MaxValue;
            foreach (var node in Frontier)
            {
                foreach (var neighbour in graph.Neighbours(node, direction))
                {
                    if (!Parent.TryAdd(neighbour, node)) continue;
                    Distance[neighbour] = Depth;
                    next.Add(neighbour);
                    if (other.Distance.TryGetValue(neighbour, out var rest) && Depth + rest < bestLength)
                        (best, bestLength) = (neighbour, Depth + rest);
                }
            }
            Frontier = next;
            return best;
        }
    }
}
