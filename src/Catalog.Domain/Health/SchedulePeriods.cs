using System.Globalization;
using Catalog.Domain.Datasets;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Health;

/// <summary>
/// The periods of an hourly or daily schedule in its IANA time zone. Daily periods start at local midnight, so a
/// day is 23 or 25 hours long across a daylight-saving change. Hourly periods start on local hour boundaries and
/// are keyed by their UTC hour (<c>2026-03-08T07</c>); daily periods are keyed by their local date
/// (<c>2026-03-08</c>), which is how producers name a day's partition (<c>ds=2026-03-08</c>). Keys come from
/// <see cref="Partition.KeyFor(DateTimeOffset, PartitionGranularity, TimeZoneInfo)"/>, the one rule producers use too.
/// </summary>
public sealed class SchedulePeriods
{
    private readonly Schedule schedule;
    private readonly TimeZoneInfo zone;

    private SchedulePeriods(Schedule schedule, TimeZoneInfo zone)
    {
        this.schedule = schedule;
        this.zone = zone;
    }

    /// <summary>Null when the schedule has no fixed periods (none, cron) or names an unknown time zone.</summary>
    public static SchedulePeriods? For(Schedule schedule)
    {
        if (schedule.Kind is not (ScheduleKind.Hourly or ScheduleKind.Daily)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone) ? new SchedulePeriods(schedule, zone) : null;
    }

    public SchedulePeriod Containing(DateTimeOffset instant)
    {
        if (schedule.Kind == ScheduleKind.Hourly)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            var start = instant - new TimeSpan(0, 0, local.Minute, local.Second, local.Millisecond, local.Microsecond);
            return Hour(start.ToUniversalTime());
        }
        return Day(DateOnly.ParseExact(Partition.KeyFor(instant, PartitionGranularity.Daily, zone), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public SchedulePeriod Next(SchedulePeriod period) =>
        schedule.Kind == ScheduleKind.Hourly ? Hour(period.End) : Day(DateOnly.ParseExact(period.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1));

    /// <summary>The period a partition key names, or null when the key is not one of this schedule's keys.</summary>
    public SchedulePeriod? ForKey(string key)
    {
        if (schedule.Kind == ScheduleKind.Hourly)
            return DateTimeOffset.TryParseExact(key, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var hour) ? Containing(hour) : null;
        return DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Day(date) : null;
    }

    /// <summary>Every period from the one containing <paramref name="from"/> up to the one containing <paramref name="to"/>.</summary>
    public IEnumerable<SchedulePeriod> Between(DateTimeOffset from, DateTimeOffset to)
    {
        for (var period = Containing(from); period.Start <= to; period = Next(period))
            yield return period;
    }

    private SchedulePeriod Hour(DateTimeOffset startUtc)
    {
        var end = startUtc.AddHours(1);
        return new SchedulePeriod(startUtc, end, end + schedule.Deadline, Partition.KeyFor(startUtc, PartitionGranularity.Hourly, zone));
    }

    private SchedulePeriod Day(DateOnly date)
    {
        var start = LocalMidnight(date);
        var end = LocalMidnight(date.AddDays(1));
        return new SchedulePeriod(start, end, end + schedule.Deadline, Partition.KeyFor(start, PartitionGranularity.Daily, zone));
    }

    // Some zones change clocks at midnight: a skipped midnight means the day starts at the first valid local time,
    // a repeated one means it starts at the first of the two.
    private DateTimeOffset LocalMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
