using Catalog.Domain.Entities;

namespace Catalog.Domain.Lineage;

/// <summary>An edge in the direction data flows, with the run that last produced it when known.</summary>
public sealed record LineageEdge(EntityRef From, EntityRef To, LineageEdgeKind Kind)
{
    public Guid? RunId { get; init; }
}
