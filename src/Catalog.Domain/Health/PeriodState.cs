namespace Catalog.Domain.Health;

public enum PeriodState
{
    /// <summary>Arrived by its deadline.</summary>
    OnTime,
    /// <summary>Arrived after its deadline (history: it was late, it is not missing now).</summary>
    ArrivedLate,
    /// <summary>Arrived after its deadline and after a later period had already arrived: a backfill.</summary>
    Backfilled,
    /// <summary>Not there and its deadline has passed: the endpoint is late.</summary>
    Missing,
    /// <summary>Not there yet, and not due yet.</summary>
    Pending,
}

public sealed record PeriodStatus(SchedulePeriod Period, PeriodState State, DateTimeOffset? ArrivedAt);
