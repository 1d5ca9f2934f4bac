using Catalog.Domain.Workflows;

namespace Catalog.Domain.Health;

/// <summary>
/// Lateness: the partition expected for period H that is not present by H's deadline makes the endpoint late.
/// Only periods inside the look-back window count, and none before the endpoint's first output (or
/// <c>activeSince</c> when it has none yet), so a new endpoint is not late for days it never promised.
/// </summary>
public static class FreshnessRules
{
    public static Freshness Evaluate(
        Schedule schedule, IReadOnlyCollection<Arrival> arrivals, DateTimeOffset now, TimeSpan lookBack, DateTimeOffset? activeSince = null)
    {
        var periods = SchedulePeriods.For(schedule);
        if (periods is null) return Freshness.Unknown;

        var firstByKey = arrivals.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Min(a => a.At));
        // The endpoint is expected to produce from the period of its first output on (or from when it became
        // active). "First" is by arrival time: a backfill of older history arrives later and does not promise
        // the gap between that history and the first real output.
        var first = arrivals.MinBy(a => a.At);
        var firstExpected = first is null ? activeSince ?? DateTimeOffset.MaxValue
            : (periods.ForKey(first.Key)?.Start ?? periods.Containing(first.At).Start) is var s && activeSince < s ? activeSince.Value : s;
        if (firstExpected == DateTimeOffset.MaxValue) return Freshness.Unknown;
        var from = firstExpected > now - lookBack ? firstExpected : now - lookBack;

        var statuses = periods.Between(from, now).Select(period => Judge(period, firstByKey, now)).ToList();
        var state = statuses.Count == 0 ? FreshnessState.Unknown
            : statuses.Any(s => s.State == PeriodState.Missing) ? FreshnessState.Late
            : statuses.All(s => s.State == PeriodState.Pending) ? FreshnessState.Unknown
            : FreshnessState.Fresh;
        return new Freshness(state, statuses);
    }

    private static PeriodStatus Judge(SchedulePeriod period, IReadOnlyDictionary<string, DateTimeOffset> firstByKey, DateTimeOffset now)
    {
        if (!firstByKey.TryGetValue(period.Key, out var at))
            return new PeriodStatus(period, now > period.Deadline ? PeriodState.Missing : PeriodState.Pending, null);
        if (at <= period.Deadline) return new PeriodStatus(period, PeriodState.OnTime, at);
        // Late arrivals that came after a newer period's output are backfills, not a slow pipeline.
        var newerArrivedFirst = firstByKey.Any(kv => string.CompareOrdinal(kv.Key, period.Key) > 0 && kv.Value < at);
        return new PeriodStatus(period, newerArrivedFirst ? PeriodState.Backfilled : PeriodState.ArrivedLate, at);
    }
}
