namespace Catalog.Plugins.Lineage.Queries;

/// <summary>A column feeding another, with how (OpenLineage transformation type and subtype).</summary>
public sealed record ColumnInputView(string Id, string? TransformationType, string? TransformationSubtype, string? Description);

/// <summary>
/// A column in a column-lineage view. Columns of datasets the principal may not see are merged into one
/// opaque node per dataset, <c>restricted:N</c>, with no names.
/// </summary>
public sealed record ColumnNodeView(string Id, string? Namespace, string? Dataset, string? Field, string? FieldType, int Depth, LineageSide Side, IReadOnlyList<ColumnInputView> Inputs)
{
    public bool Restricted => Dataset is null;
}

public sealed record ColumnLineageView(string NodeId, IReadOnlyList<ColumnNodeView> Nodes, IReadOnlyList<LineageEdgeView> Edges);
