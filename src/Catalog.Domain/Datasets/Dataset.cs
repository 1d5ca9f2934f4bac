using Catalog.Domain.Entities;

namespace Catalog.Domain.Datasets;

/// <summary>A data endpoint with its schema and partitioning. Partitions are listed separately (there can be thousands).</summary>
public sealed record Dataset
{
    public required CatalogEntity Entity { get; init; }
    public IReadOnlyList<SchemaField> Fields { get; init; } = [];
    public PartitionGranularity Partitioning { get; init; }
    /// <summary>Storage class used for cost (e.g. <c>standard</c>, <c>nearline</c>).</summary>
    public string? StorageClass { get; init; }
}
