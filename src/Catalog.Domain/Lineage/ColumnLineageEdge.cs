namespace Catalog.Domain.Lineage;

/// <summary>
/// The source column feeds the target column. Transformation follows OpenLineage's columnLineage facet:
/// type DIRECT or INDIRECT, subtype such as IDENTITY, TRANSFORMATION, AGGREGATION, FILTER, JOIN.
/// </summary>
public sealed record ColumnLineageEdge(ColumnRef From, ColumnRef To)
{
    public string? TransformationType { get; init; }
    public string? TransformationSubtype { get; init; }
    public string? Description { get; init; }
    public Entities.EntityRef? Job { get; init; }
}
