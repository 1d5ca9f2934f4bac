using Catalog.Plugins.Lineage.Snapshot;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>Picks the engine per query: the snapshot when there is one (per <see cref="LineageOptions.Engine"/>), else SQL.</summary>
public sealed class LineageTopology(LineageSnapshotStore store, SqlTopology sql, IOptions<LineageOptions> options) : ILineageTopology
{
    public async Task<TopologySlice> TraverseAsync(long startId, TraversalRequest request, CancellationToken cancellationToken) =>
        await (await PickAsync(cancellationToken)).TraverseAsync(startId, request, cancellationToken);

    public async Task<IReadOnlyList<long>?> FindPathAsync(long fromId, long toId, int maxLength, CancellationToken cancellationToken) =>
        await (await PickAsync(cancellationToken)).FindPathAsync(fromId, toId, maxLength, cancellationToken);

    private async Task<ILineageTopology> PickAsync(CancellationToken cancellationToken)
    {
        var snapshot = options.Value.Engine switch
        {
            LineageEngine.Sql => null,
            LineageEngine.Snapshot => await store.GetAsync(cancellationToken),
            _ => store.Current,
        };
        return snapshot is null ? sql : new SnapshotTopology(snapshot);
    }
}
