using Catalog.Domain.Lineage.Graph;

namespace Catalog.Plugins.Lineage;

/// <summary>
/// The whole entity-level lineage graph as held in memory, for plugins that analyse it (health's "why is this
/// late?"). The lineage plugin provides it from its snapshot; null when there is none (the graph is over the
/// lineage plugin's MaxSnapshotEdges). Ids, kinds and edges only: callers load names and visibility themselves.
/// </summary>
public interface ILineageGraphSource
{
    Task<LineageGraph?> GetAsync(CancellationToken cancellationToken);
}
