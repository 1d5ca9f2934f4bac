namespace Catalog.Domain.Health;

public enum FreshnessState
{
    /// <summary>No schedule with fixed periods, or nothing to judge yet.</summary>
    Unknown,
    Fresh,
    Late,
}

/// <summary>
/// An endpoint's freshness: <see cref="Late"/> when some period in the window is missing past its deadline.
/// <see cref="LateSince"/> is the deadline of the oldest missing period.
/// </summary>
public sealed record Freshness(FreshnessState State, IReadOnlyList<PeriodStatus> Periods)
{
    public static Freshness Unknown { get; } = new(FreshnessState.Unknown, []);

    public IReadOnlyList<PeriodStatus> Missing => [.. Periods.Where(p => p.State == PeriodState.Missing)];
    public DateTimeOffset? LateSince => Missing.Count == 0 ? null : Missing.Min(p => p.Period.Deadline);
    public PeriodStatus? Latest => Periods.LastOrDefault(p => p.State != PeriodState.Pending);
}
