using Catalog.Domain.Policies;

namespace Catalog.Domain.Datasets;

/// <summary>
/// One column of a dataset's schema. Nested fields (records in Avro, STRUCT in BigQuery) are flattened
/// into dotted paths (<c>address.city</c>) so column lineage and search can address them by name.
/// </summary>
public sealed record SchemaField
{
    public required string Name { get; init; }
    public string? Type { get; init; }
    public string? Description { get; init; }
    public bool? Nullable { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Null when the field inherits the dataset's classification.</summary>
    public Classification? Classification { get; init; }
}
