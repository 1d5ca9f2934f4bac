using Catalog.Domain.Datasets;
using Catalog.Domain.Policies.Retention;

namespace Catalog.Domain.Policies.Rules;

/// <summary>Keep-latest counts partitions, so it means nothing for a dataset that is not partitioned.</summary>
public sealed class KeepLatestNeedsPartitionsRule : IRetentionRule
{
    public IEnumerable<PolicyViolation> Check(RetentionPolicy candidate, RetentionContext context)
    {
        if (candidate.Mode == RetentionMode.KeepLatest && context.Granularity == PartitionGranularity.None)
            yield return new("mode", "Keep-latest counts partitions, and this dataset is not partitioned: use keep-days or keep-forever.");
    }
}
