namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// Answers graph-shape questions in entity ids. Two engines implement it: the in-memory snapshot and recursive
/// SQL; <see cref="LineageTopology"/> picks one per query. Neither knows about names or visibility.
/// </summary>
public interface ILineageTopology
{
    Task<TopologySlice> TraverseAsync(long startId, TraversalRequest request, CancellationToken cancellationToken);

    /// <summary>Entity ids along the shortest path in the direction data flows, or null.</summary>
    Task<IReadOnlyList<long>?> FindPathAsync(long fromId, long toId, int maxLength, CancellationToken cancellationToken);
}
