namespace Catalog.Plugins.Lineage.Snapshot;

/// <summary>Hands other plugins the current snapshot's graph (loading it on first use).</summary>
public sealed class SnapshotGraphSource(LineageSnapshotStore store) : ILineageGraphSource
{
    public async Task<Domain.Lineage.Graph.LineageGraph?> GetAsync(CancellationToken cancellationToken) =>
        (await store.GetAsync(cancellationToken))?.Graph;
}
