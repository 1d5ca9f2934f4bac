namespace Catalog.Domain.Lineage.Graph;

/// <summary>
/// A directed graph over dense node indexes 0..N-1 in compressed sparse row form, kept forward and reverse:
/// <c>offsets[n]..offsets[n+1]</c> is the slice of <c>targets</c> holding n's neighbours. Two int arrays per
/// direction make a million-node, five-million-edge graph about 48 MB with no per-node objects, and
/// neighbour scans are sequential memory reads. Parallel edges are merged; neighbour lists are sorted.
/// Immutable: a change builds a new graph (see <see cref="LineageGraph.WithChanges"/>).
/// </summary>
public sealed class CompactGraph
{
    private readonly int[] forwardOffsets;
    private readonly int[] forwardTargets;
    private readonly int[] reverseOffsets;
    private readonly int[] reverseTargets;

    private CompactGraph(int nodeCount, int[] forwardOffsets, int[] forwardTargets, int[] reverseOffsets, int[] reverseTargets)
    {
        NodeCount = nodeCount;
        this.forwardOffsets = forwardOffsets;
        this.forwardTargets = forwardTargets;
        this.reverseOffsets = reverseOffsets;
        this.reverseTargets = reverseTargets;
    }

    public int NodeCount { get; }

    /// <summary>Distinct edges (parallel edges of different kinds count once).</summary>
    public int EdgeCount => forwardTargets.Length;

    /// <summary>Bytes held by the adjacency arrays: what the graph costs in memory beyond the node table.</summary>
    public long AdjacencyBytes => sizeof(int) * ((long)forwardOffsets.Length + forwardTargets.Length + reverseOffsets.Length + reverseTargets.Length);

    public ReadOnlySpan<int> Successors(int node) =>
        forwardTargets.AsSpan(forwardOffsets[node], forwardOffsets[node + 1] - forwardOffsets[node]);

    public ReadOnlySpan<int> Predecessors(int node) =>
        reverseTargets.AsSpan(reverseOffsets[node], reverseOffsets[node + 1] - reverseOffsets[node]);

    /// <summary>Neighbours one step away in <paramref name="direction"/> (Upstream or Downstream).</summary>
    public ReadOnlySpan<int> Neighbours(int node, LineageDirection direction) => direction switch
    {
        LineageDirection.Downstream => Successors(node),
        LineageDirection.Upstream => Predecessors(node),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Neighbours are taken one direction at a time."),
    };

    public bool HasEdge(int from, int to) => Successors(from).BinarySearch(to) >= 0;

    public static CompactGraph Empty { get; } = Build(0, [], []);

    /// <summary>Builds from parallel arrays of edge endpoints (dense indexes below <paramref name="nodeCount"/>).</summary>
    public static CompactGraph Build(int nodeCount, ReadOnlySpan<int> from, ReadOnlySpan<int> to)
    {
        if (from.Length != to.Length) throw new ArgumentException("Edge endpoint arrays differ in length.", nameof(to));
        var (forwardOffsets, forwardTargets) = BuildRows(nodeCount, from, to);
        var (reverseOffsets, reverseTargets) = BuildRows(nodeCount, to, from);
        return new CompactGraph(nodeCount, forwardOffsets, forwardTargets, reverseOffsets, reverseTargets);
    }

    /// <summary>Every edge as (from, to), in row order; used to rebuild with changes.</summary>
    public IEnumerable<(int From, int To)> Edges()
    {
        for (var node = 0; node < NodeCount; node++)
            for (var i = forwardOffsets[node]; i < forwardOffsets[node + 1]; i++)
                yield return (node, forwardTargets[i]);
    }

    /// <summary>Copies the edges out as two arrays without enumerator overhead (for rebuilding large graphs).</summary>
    public void CopyEdges(Span<int> from, Span<int> to)
    {
        forwardTargets.CopyTo(to);
        for (var node = 0; node < NodeCount; node++)
            from[forwardOffsets[node]..forwardOffsets[node + 1]].Fill(node);
    }

    // Counting sort by source, then sort and de-duplicate each row in place and compact.
    private static (int[] Offsets, int[] Targets) BuildRows(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var source in sources)
        {
            if ((uint)source >= (uint)nodeCount) throw new ArgumentOutOfRangeException(nameof(sources), source, $"Node index outside 0..{nodeCount - 1}.");
            offsets[source + 1]++;
        }
        for (var i = 0; i < nodeCount; i++) offsets[i + 1] += offsets[i];
        var cursor = offsets[..^1];
        var rows = new int[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            if ((uint)targets[i] >= (uint)nodeCount) throw new ArgumentOutOfRangeException(nameof(targets), targets[i], $"Node index outside 0..{nodeCount - 1}.");
            rows[cursor[sources[i]]++] = targets[i];
        }

        var write = 0;
        var compacted = new int[nodeCount + 1];
        for (var node = 0; node < nodeCount; node++)
        {
            var row = rows.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);
            row.Sort();
            compacted[node] = write;
            for (var i = 0; i < row.Length; i++)
                if (i == 0 || row[i] != row[i - 1]) rows[write++] = row[i];
        }
        compacted[nodeCount] = write;
        return (compacted, write == rows.Length ? rows : rows[..write]);
    }
}
