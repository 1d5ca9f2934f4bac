using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Retention;

namespace Catalog.Plugins.Governance.Retention;

/// <summary>Everything the Policies tab shows about retention for one dataset.</summary>
public sealed record RetentionView(
    long EntityId, string Ref, string? OwnerRef, string? Platform, string? StorageClass,
    RetentionContext Context, EffectiveRetention Effective, IReadOnlyList<PartitionFacts> Partitions)
{
    public Classification Classification => Context.Classification;
    /// <summary>The version a portal edit must quote; 0 when the portal has no policy for this dataset yet.</summary>
    public int PortalVersion => Context.Portal?.Version ?? 0;
}

/// <summary>A retention plan with its price, when a storage cost estimator is registered (the cost plugin).</summary>
public sealed record PricedRetentionPlan(RetentionPolicy Policy, RetentionPlan Plan, decimal? MonthlySaving, string? Currency, IReadOnlyList<PolicyViolation> Violations);
