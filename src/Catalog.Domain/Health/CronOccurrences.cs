using NCrontab;

namespace Catalog.Domain.Health;

/// <summary>
/// When a five-field cron expression fires, read on the wall clock of an IANA time zone (NCrontab parses; it knows
/// no zones). Across daylight-saving changes each wall-clock time fires once: a time the clocks skip fires at the
/// first valid time after the gap, a time they repeat fires at its first occurrence.
/// </summary>
internal sealed class CronOccurrences
{
    // Expressions that never fire (30 February) end the search here instead of running to DateTime.MaxValue.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(5 * 366);
    // How far back to look for the occurrence before an instant: short first, so "every minute" stays cheap.
    private static readonly TimeSpan[] LookBacks = [TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(64), Horizon];

    private readonly CrontabSchedule cron;
    private readonly TimeZoneInfo zone;

    private CronOccurrences(CrontabSchedule cron, TimeZoneInfo zone)
    {
        this.cron = cron;
        this.zone = zone;
    }

    /// <summary>Null when <paramref name="expression"/> is not a five-field cron expression.</summary>
    public static CronOccurrences? TryParse(string? expression, TimeZoneInfo zone) =>
        string.IsNullOrWhiteSpace(expression) ? null
        : CrontabSchedule.TryParse(expression.Trim()) is { } cron ? new CronOccurrences(cron, zone) : null;

    /// <summary>The first firing strictly after <paramref name="instant"/>, or null when there is none within five years.</summary>
    public DateTimeOffset? After(DateTimeOffset instant)
    {
        var wall = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var end = wall + Horizon;
        while (true)
        {
            var next = cron.GetNextOccurrence(wall, end);
            if (next >= end) return null;
            var at = ToInstant(next);
            // A repeated wall time maps to its first occurrence, which can lie before instant: keep going.
            if (at > instant) return at;
            wall = next;
        }
    }

    /// <summary>The last firing at or before <paramref name="instant"/>, or null when there is none within five years.</summary>
    public DateTimeOffset? AtOrBefore(DateTimeOffset instant)
    {
        foreach (var lookBack in LookBacks)
        {
            DateTimeOffset? last = null;
            for (var at = After(instant - lookBack); at is { } a && a <= instant; at = After(a)) last = a;
            if (last is not null) return last;
        }
        return null;
    }

    private DateTimeOffset ToInstant(DateTime wall)
    {
        var local = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
