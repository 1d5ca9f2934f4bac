using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;

namespace Catalog.Domain.Cost;

/// <summary>
/// What a retention change saves, before anyone makes it. Pure: the cost views and governance's retention plan
/// both call it with the partitions they loaded and the price of the dataset's storage.
/// </summary>
public static class RetentionWhatIf
{
    public static RetentionSaving Compare(
        IReadOnlyCollection<PartitionSize> partitions, RetentionPolicy? current, RetentionPolicy proposed,
        StoragePrice price, DateTimeOffset now)
    {
        var keptNow = Retained(partitions, current, now);
        var keptProposed = Retained(partitions, proposed, now);
        var bytesNow = keptNow.Sum(p => p.Bytes);
        var bytesProposed = keptProposed.Sum(p => p.Bytes);
        var steadyNow = SteadyStateBytes(partitions, current);
        var steadyProposed = SteadyStateBytes(partitions, proposed);
        return new RetentionSaving(
            CurrentBytes: bytesNow,
            ProposedBytes: bytesProposed,
            PartitionsRemoved: keptNow.Count - keptProposed.Count,
            CurrentMonthly: CostFormulas.MonthlyStorage(bytesNow, price),
            ProposedMonthly: CostFormulas.MonthlyStorage(bytesProposed, price),
            SteadyStateMonthlySaving: steadyNow is { } a && steadyProposed is { } b
                ? CostFormulas.MonthlyStorage(a, price) - CostFormulas.MonthlyStorage(b, price)
                : null);
    }

    /// <summary>The partitions a policy keeps today. No policy keeps everything.</summary>
    public static IReadOnlyList<PartitionSize> Retained(IReadOnlyCollection<PartitionSize> partitions, RetentionPolicy? policy, DateTimeOffset now) =>
        policy?.Mode switch
        {
            RetentionMode.KeepDays => [.. partitions.Where(p => p.PeriodStart >= now.AddDays(-(policy.Value ?? 0)))],
            RetentionMode.KeepLatest => [.. partitions.OrderByDescending(p => p.PeriodStart).Take(policy.Value ?? 0)],
            _ => [.. partitions],
        };

    /// <summary>
    /// Bytes a policy keeps once the dataset has run long enough to be trimmed: the average partition times the
    /// number of partitions the policy keeps. Null when it keeps everything (storage keeps growing) or there is
    /// no history to average.
    /// </summary>
    public static long? SteadyStateBytes(IReadOnlyCollection<PartitionSize> partitions, RetentionPolicy? policy)
    {
        if (partitions.Count == 0 || policy is null || policy.Mode == RetentionMode.KeepForever || policy.Value is not { } value)
            return null;
        var average = partitions.Average(p => (decimal)p.Bytes);
        var perDay = partitions.First().Granularity == PartitionGranularity.Hourly ? 24 : 1;
        var count = policy.Mode == RetentionMode.KeepDays ? (decimal)value * perDay : value;
        return (long)Math.Round(average * count);
    }
}

/// <summary>Bytes and monthly cost under the current and the proposed retention; positive savings save money.</summary>
public sealed record RetentionSaving(
    long CurrentBytes, long ProposedBytes, int PartitionsRemoved, decimal CurrentMonthly, decimal ProposedMonthly,
    decimal? SteadyStateMonthlySaving)
{
    public decimal MonthlySaving => CurrentMonthly - ProposedMonthly;
}
