namespace Catalog.Domain.Entities;

/// <summary>Where an entity is in its life. Removed and deleted entities stay for lineage history and audit.</summary>
public enum Lifecycle
{
    Active,
    /// <summary>Still present but its owners asked consumers to move away.</summary>
    Deprecated,
    /// <summary>The source that reported it no longer does (stale removal).</summary>
    Removed,
    /// <summary>A producer said it was dropped (OpenLineage lifecycleStateChange DROP).</summary>
    Deleted,
}
