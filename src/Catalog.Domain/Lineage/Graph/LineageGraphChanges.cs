namespace Catalog.Domain.Lineage.Graph;

/// <summary>
/// Applies a batch of edge changes to a graph by rebuilding its arrays in memory. That costs O(nodes + edges)
/// (a few hundred milliseconds at five million edges, off the query path) and keeps traversal on plain arrays
/// with no overlay to consult; the database is read only for the changed rows.
/// </summary>
internal static class LineageGraphChanges
{
    public static LineageGraph Apply(LineageGraph graph, IReadOnlyCollection<LineageEdgeChange> changes)
    {
        // Refreshes re-read overlapping windows on purpose (see migration 0300); changes that the graph already
        // reflects cost nothing and keep the same instance.
        changes = changes.Where(c => !AlreadyApplied(graph, c)).ToList();
        if (changes.Count == 0) return graph;

        var kindNames = graph.KindNames.ToList();
        var addedNodes = new SortedDictionary<long, byte>();
        // Only live edges bring nodes; a removal between unknown entities changes nothing.
        foreach (var change in changes.Where(c => c.Live))
            foreach (var node in new[] { change.From, change.To })
                if (graph.IndexOf(node.EntityId) < 0 && !addedNodes.ContainsKey(node.EntityId))
                    addedNodes.Add(node.EntityId, CodeOf(kindNames, node.Kind));

        var (ids, kinds, remap) = MergeNodes(graph, addedNodes);
        int IndexOf(long id) => Array.BinarySearch(ids, id);

        var removed = new HashSet<long>();
        var added = new List<(int, int)>();
        foreach (var change in changes)
        {
            if (!change.Live && (IndexOf(change.From.EntityId) < 0 || IndexOf(change.To.EntityId) < 0)) continue;
            var pair = (IndexOf(change.From.EntityId), IndexOf(change.To.EntityId));
            if (change.Live) added.Add(pair); else removed.Add(Key(pair.Item1, pair.Item2));
        }

        var oldCount = graph.Topology.EdgeCount;
        var oldFrom = new int[oldCount];
        var oldTo = new int[oldCount];
        graph.Topology.CopyEdges(oldFrom, oldTo);
        var from = new List<int>(oldCount + added.Count);
        var to = new List<int>(oldCount + added.Count);
        for (var i = 0; i < oldCount; i++)
        {
            var (f, t) = (remap[oldFrom[i]], remap[oldTo[i]]);
            if (removed.Contains(Key(f, t))) continue;
            from.Add(f);
            to.Add(t);
        }
        foreach (var (f, t) in added) { from.Add(f); to.Add(t); }

        var topology = CompactGraph.Build(ids.Length, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(from), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(to));
        return new LineageGraph(ids, kinds, [.. kindNames], topology);
    }

    private static bool AlreadyApplied(LineageGraph graph, LineageEdgeChange change)
    {
        var (from, to) = (graph.IndexOf(change.From.EntityId), graph.IndexOf(change.To.EntityId));
        var present = from >= 0 && to >= 0 && graph.Topology.HasEdge(from, to);
        return present == change.Live;
    }

    private static long Key(int from, int to) => ((long)from << 32) | (uint)to;

    // Old and new ids are both sorted: merge them and record where each old index moved.
    private static (long[] Ids, byte[] Kinds, int[] Remap) MergeNodes(LineageGraph graph, SortedDictionary<long, byte> addedNodes)
    {
        var oldIds = graph.EntityIds;
        var oldKinds = graph.KindCodes;
        var ids = new long[oldIds.Length + addedNodes.Count];
        var kinds = new byte[ids.Length];
        var remap = new int[oldIds.Length];
        var (o, w) = (0, 0);
        foreach (var (id, kind) in addedNodes)
        {
            while (o < oldIds.Length && oldIds[o] < id) { remap[o] = w; ids[w] = oldIds[o]; kinds[w++] = oldKinds[o++]; }
            ids[w] = id;
            kinds[w++] = kind;
        }
        while (o < oldIds.Length) { remap[o] = w; ids[w] = oldIds[o]; kinds[w++] = oldKinds[o++]; }
        return (ids, kinds, remap);
    }

    private static byte CodeOf(List<string> kindNames, string kind)
    {
        var code = kindNames.IndexOf(kind);
        if (code >= 0) return (byte)code;
        if (kindNames.Count > byte.MaxValue) throw new InvalidOperationException("More than 256 entity kinds take part in lineage.");
        kindNames.Add(kind);
        return (byte)(kindNames.Count - 1);
    }
}
