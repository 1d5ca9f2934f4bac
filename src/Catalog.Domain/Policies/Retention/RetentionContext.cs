using Catalog.Domain.Datasets;

namespace Catalog.Domain.Policies.Retention;

/// <summary>
/// Everything that decides a dataset's retention: what its owners edited in the portal, what its descriptor
/// declares, its namespace's default, its classification's default and cap, and the facts rules reason about.
/// </summary>
public sealed record RetentionContext
{
    /// <summary>The dataset's classification: the highest of the dataset's own and its columns'.</summary>
    public Classification Classification { get; init; } = Classification.Internal;
    public PartitionGranularity Granularity { get; init; } = PartitionGranularity.None;
    public DeclaredRetention? Portal { get; init; }
    public DeclaredRetention? Descriptor { get; init; }
    public RetentionPolicy? NamespaceDefault { get; init; }
    public RetentionPolicy? ClassificationDefault { get; init; }
    /// <summary>The longest retention, in days, any dataset of this classification may have (e.g. PII: 30).</summary>
    public int? ClassificationMaxDays { get; init; }
}
