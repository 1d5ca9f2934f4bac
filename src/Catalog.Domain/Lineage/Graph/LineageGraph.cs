namespace Catalog.Domain.Lineage.Graph;

/// <summary>
/// The entity-level lineage graph: a <see cref="CompactGraph"/> over dense indexes plus the entity id and
/// kind of each index. Entity ids are kept sorted (the database hands them out increasing), so an id finds its
/// index by binary search and the node table costs 9 bytes a node: no dictionary, no per-node objects.
/// Names, owners and visibility are not held here; callers load them for the few nodes a query returns.
/// </summary>
public sealed class LineageGraph
{
    private readonly long[] entityIds;
    private readonly byte[] kindCodes;
    private readonly string[] kindNames;

    internal LineageGraph(long[] entityIds, byte[] kindCodes, string[] kindNames, CompactGraph topology)
    {
        this.entityIds = entityIds;
        this.kindCodes = kindCodes;
        this.kindNames = kindNames;
        Topology = topology;
    }

    public static LineageGraph Empty { get; } = new([], [], [], CompactGraph.Empty);

    public CompactGraph Topology { get; }
    public int NodeCount => entityIds.Length;
    public int EdgeCount => Topology.EdgeCount;

    /// <summary>Bytes held by the node table and the adjacency arrays.</summary>
    public long MemoryBytes => Topology.AdjacencyBytes + entityIds.Length * (long)sizeof(long) + kindCodes.Length;

    /// <summary>The dense index of an entity, or -1 when it has no lineage.</summary>
    public int IndexOf(long entityId)
    {
        var index = Array.BinarySearch(entityIds, entityId);
        return index >= 0 ? index : -1;
    }

    public long EntityId(int node) => entityIds[node];
    public string KindOf(int node) => kindNames[kindCodes[node]];

    /// <summary>A filter accepting nodes of the given kinds (for <see cref="TraversalOptions.Include"/>).</summary>
    public Func<int, bool> KindFilter(IEnumerable<string> kinds)
    {
        var wanted = new bool[kindNames.Length];
        foreach (var kind in kinds)
        {
            var code = Array.IndexOf(kindNames, kind);
            if (code >= 0) wanted[code] = true;
        }
        return node => wanted[kindCodes[node]];
    }

    internal ReadOnlySpan<long> EntityIds => entityIds;
    internal ReadOnlySpan<byte> KindCodes => kindCodes;
    internal IReadOnlyList<string> KindNames => kindNames;

    /// <summary>
    /// A new graph with the changes applied: edges that are no longer live are dropped, new ones added, new
    /// nodes slotted in by id. The old graph is untouched, so readers keep using it until the new one is swapped in.
    /// </summary>
    public LineageGraph WithChanges(IReadOnlyCollection<LineageEdgeChange> changes) => LineageGraphChanges.Apply(this, changes);
}
