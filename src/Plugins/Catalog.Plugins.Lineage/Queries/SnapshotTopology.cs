using Catalog.Domain.Lineage.Graph;
using Catalog.Plugins.Lineage.Snapshot;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>Traversals over one in-memory snapshot: microseconds to milliseconds, no database round trip.</summary>
public sealed class SnapshotTopology(LineageSnapshot snapshot) : ILineageTopology
{
    public const string EngineName = "snapshot";

    public Task<TopologySlice> TraverseAsync(long startId, TraversalRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(TopologySlice.Traverse(snapshot.Graph, startId, request, EngineName));

    public Task<IReadOnlyList<long>?> FindPathAsync(long fromId, long toId, int maxLength, CancellationToken cancellationToken)
    {
        var graph = snapshot.Graph;
        var (from, to) = (graph.IndexOf(fromId), graph.IndexOf(toId));
        if (from < 0 || to < 0) return Task.FromResult<IReadOnlyList<long>?>(fromId == toId ? [fromId] : null);
        var path = ShortestPath.Find(graph.Topology, from, to, maxLength);
        return Task.FromResult<IReadOnlyList<long>?>(path?.Select(graph.EntityId).ToList());
    }
}
