namespace Catalog.Domain.Lineage.Graph;

/// <summary>
/// Collects nodes and edges (by entity id) and builds a <see cref="LineageGraph"/>. Nodes may arrive in any order
/// and more than once; edges whose ends were never added as nodes are rejected with the id in the message.
/// </summary>
public sealed class LineageGraphBuilder
{
    private readonly List<long> nodeIds = [];
    private readonly List<byte> nodeKinds = [];
    private readonly List<string> kindNames = [];
    private readonly Dictionary<string, byte> kindCodes = new(StringComparer.Ordinal);
    private long[] edgeFrom = new long[1024];
    private long[] edgeTo = new long[1024];
    private int edgeCount;

    public LineageGraphBuilder AddNode(long entityId, string kind)
    {
        nodeIds.Add(entityId);
        nodeKinds.Add(CodeOf(kind));
        return this;
    }

    public LineageGraphBuilder AddEdge(long fromEntityId, long toEntityId)
    {
        if (edgeCount == edgeFrom.Length)
        {
            Array.Resize(ref edgeFrom, edgeCount * 2);
            Array.Resize(ref edgeTo, edgeCount * 2);
        }
        edgeFrom[edgeCount] = fromEntityId;
        edgeTo[edgeCount] = toEntityId;
        edgeCount++;
        return this;
    }

    public LineageGraph Build()
    {
        var ids = nodeIds.ToArray();
        var kinds = nodeKinds.ToArray();
        Array.Sort(ids, kinds);
        var distinct = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (i > 0 && ids[i] == ids[i - 1]) continue;
            ids[distinct] = ids[i];
            kinds[distinct] = kinds[i];
            distinct++;
        }
        if (distinct < ids.Length) { ids = ids[..distinct]; kinds = kinds[..distinct]; }

        var from = new int[edgeCount];
        var to = new int[edgeCount];
        for (var i = 0; i < edgeCount; i++)
        {
            from[i] = IndexOf(ids, edgeFrom[i]);
            to[i] = IndexOf(ids, edgeTo[i]);
        }
        return new LineageGraph(ids, kinds, [.. kindNames], CompactGraph.Build(ids.Length, from, to));
    }

    private static int IndexOf(long[] ids, long id)
    {
        var index = Array.BinarySearch(ids, id);
        return index >= 0 ? index : throw new InvalidOperationException($"Edge refers to entity {id}, which was not added as a node.");
    }

    private byte CodeOf(string kind)
    {
        if (kindCodes.TryGetValue(kind, out var code)) return code;
        if (kindNames.Count == byte.MaxValue + 1) throw new InvalidOperationException("More than 256 entity kinds take part in lineage.");
        code = (byte)kindNames.Count;
        kindNames.Add(kind);
        kindCodes.Add(kind, code);
        return code;
    }
}
