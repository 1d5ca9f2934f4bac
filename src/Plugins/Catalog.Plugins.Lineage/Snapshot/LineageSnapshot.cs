using Catalog.Domain.Lineage.Graph;

namespace Catalog.Plugins.Lineage.Snapshot;

/// <summary>
/// One immutable version of the lineage graph in memory. <see cref="SinceXid"/> is the oldest transaction that
/// was still running when it was read: the next refresh reads edges changed by that transaction or later.
/// </summary>
public sealed record LineageSnapshot(LineageGraph Graph, ulong SinceXid, DateTimeOffset RefreshedAt, DateTimeOffset FullyLoadedAt, TimeSpan LastBuildTime);
