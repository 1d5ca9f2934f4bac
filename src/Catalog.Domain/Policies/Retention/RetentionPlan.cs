namespace Catalog.Domain.Policies.Retention;

/// <summary>What a retention policy would do today: the partitions that would expire and what that frees.</summary>
public sealed record RetentionPlan(IReadOnlyList<PartitionFacts> Expiring, IReadOnlyList<PartitionFacts> Kept)
{
    public long BytesFreed => Expiring.Sum(p => p.Bytes ?? 0);
    public long BytesKept => Kept.Sum(p => p.Bytes ?? 0);
    /// <summary>Some partitions have no recorded size, so <see cref="BytesFreed"/> is a lower bound.</summary>
    public bool HasUnknownSizes => Expiring.Any(p => p.Bytes is null);
}
