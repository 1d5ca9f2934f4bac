namespace Catalog.Domain.Lineage.Graph;

/// <summary>An entity that takes part in lineage: its database id and kind.</summary>
public readonly record struct LineageNode(long EntityId, string Kind);

/// <summary>
/// The current state of the edge between two entities after a change in storage: <see cref="Live"/> when at
/// least one not-removed edge joins them, false when the last one was removed or deleted.
/// </summary>
public readonly record struct LineageEdgeChange(LineageNode From, LineageNode To, bool Live);
