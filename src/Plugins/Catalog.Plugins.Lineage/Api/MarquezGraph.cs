namespace Catalog.Plugins.Lineage.Api;

/// <summary>
/// Marquez's lineage response: <c>{"graph":[{"id","type","data","inEdges":[{"origin","destination"}],"outEdges":[…]}]}</c>,
/// so Marquez clients and UIs read it unchanged. <c>data</c> carries Marquez's fields plus the catalog's
/// (owner, depth, side, hasMore, url), which Marquez clients ignore.
/// </summary>
public sealed record MarquezGraph(IReadOnlyList<MarquezNode> Graph)
{
    /// <summary>Cycles the traversal met (the catalog's addition; absent for column lineage and paths): each node's <c>data.cycle</c> points here.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MarquezCycle>? Cycles { get; init; }
}

/// <summary>A cycle: <see cref="Number"/> as in nodes' <c>data.cycle</c>, <see cref="Size"/> nodes in all, the ids of those in this graph.</summary>
public sealed record MarquezCycle(int Number, int Size, IReadOnlyList<string> Nodes);

public sealed record MarquezNode(string Id, string Type, object Data, IReadOnlyList<MarquezEdge> InEdges, IReadOnlyList<MarquezEdge> OutEdges);

public sealed record MarquezEdge(string Origin, string Destination);

public sealed record MarquezId(string Namespace, string Name);

public sealed record MarquezField(string Name, string? Type, IReadOnlyList<string> Tags, string? Description);

/// <summary>
/// Catalog additions shared by every node's data. <see cref="UpstreamCount"/>/<see cref="DownstreamCount"/> count
/// the node's direct neighbours in the whole graph (of any kind, restricted ones included), not only those in the response.
/// </summary>
public abstract record CatalogNodeData(int Depth, string Side, bool HasMore)
{
    public int? UpstreamCount { get; init; }
    public int? DownstreamCount { get; init; }

    /// <summary>The number of the cycle (in the graph's <c>cycles</c>) this node lies on; null when on none.</summary>
    public int? Cycle { get; init; }
}

public sealed record DatasetData(
    MarquezId Id, string Type, string Name, string PhysicalName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Namespace,
    string? SourceName, IReadOnlyList<MarquezField> Fields, IReadOnlyList<string> Tags, DateTimeOffset? LastModifiedAt, string? Description,
    string? Title, string? Owner, string Lifecycle, string Classification, string Url, int Depth, string Side, bool HasMore)
    : CatalogNodeData(Depth, Side, HasMore);

public sealed record JobData(
    MarquezId Id, string Type, string Name, string SimpleName, string? ParentJobName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string Namespace, IReadOnlyList<MarquezId> Inputs, IReadOnlyList<MarquezId> Outputs, string? Location, string? Description,
    string? Title, string? Owner, string Lifecycle, string Url, int Depth, string Side, bool HasMore)
    : CatalogNodeData(Depth, Side, HasMore);

/// <summary>Any other kind that takes part in lineage (plugins may add kinds).</summary>
public sealed record EntityData(MarquezId Id, string Kind, string Name, string? Title, string? Owner, string Url, int Depth, string Side, bool HasMore)
    : CatalogNodeData(Depth, Side, HasMore);

/// <summary>A node the caller may not see: nothing but its place in the graph.</summary>
public sealed record RestrictedData(int Depth, string Side) : CatalogNodeData(Depth, Side, false)
{
    public string Reason => "You do not have access to this entity's metadata.";
}

public sealed record ColumnInputFieldData(string? Namespace, string? Dataset, string? DatasetVersion, string? Field, string? TransformationDescription, string? TransformationType, string? TransformationSubtype, string Id);

public sealed record ColumnFieldData(string? Namespace, string? Dataset, string? DatasetVersion, string? Field, string? FieldType, IReadOnlyList<ColumnInputFieldData> InputFields, int Depth, string Side);
