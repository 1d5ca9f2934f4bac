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
/// A cron schedule's periods run from one firing to the next (the run at a firing delivers the period that ends
/// there, as in Airflow); they are keyed like the producers key a run's output (the OpenLineage harvester keys
/// by the nominal period's length): an hour long → the UTC hour, one day (consecutive local dates, 23 to 25 hours)
/// → the local date of its start, anything else → its start in UTC, <c>2026-11-21T03:15:00Z</c>.
/// </summary>
public sealed class SchedulePeriods
{
    private const string InstantKeyFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private readonly Schedule schedule;
    private readonly TimeZoneInfo zone;
    private readonly CronOccurrences? cron;

    private SchedulePeriods(Schedule schedule, TimeZoneInfo zone, CronOccurrences? cron)
    {
        this.schedule = schedule;
        this.zone = zone;
        this.cron = cron;
    }

    /// <summary>
    /// Null when the schedule has no periods: none, an unknown time zone, a cron expression that does not parse or
    /// that never fires.
    /// </summary>
    public static SchedulePeriods? For(Schedule schedule)
    {
        if (schedule.Kind is not (ScheduleKind.Hourly or ScheduleKind.Daily or ScheduleKind.Cron)) return null;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone)) return null;
        if (schedule.Kind != ScheduleKind.Cron) return new SchedulePeriods(schedule, zone, null);
        var cron = CronOccurrences.TryParse(schedule.Cron, zone);
        return cron?.After(DateTimeOffset.UnixEpoch) is null ? null : new SchedulePeriods(schedule, zone, cron);
    }

    public SchedulePeriod Containing(DateTimeOffset instant)
    {
        if (cron is not null)
        {
            // Before the first firing the expression can find (five years back), the period is the one that starts at the next.
            var start = cron.AtOrBefore(instant) ?? cron.After(instant)!.Value;
            return CronPeriod(start);
        }
        if (schedule.Kind == ScheduleKind.Hourly)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            var start = instant - new TimeSpan(0, 0, local.Minute, local.Second, local.Millisecond, local.Microsecond);
            return Hour(start.ToUniversalTime());
        }
        return Day(DateOnly.ParseExact(Partition.KeyFor(instant, PartitionGranularity.Daily, zone), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public SchedulePeriod Next(SchedulePeriod period) =>
        cron is not null ? CronPeriod(period.End)
        : schedule.Kind == ScheduleKind.Hourly ? Hour(period.End)
        : Day(DateOnly.ParseExact(period.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1));

    /// <summary>The period a partition key names, or null when the key is not one of this schedule's keys.</summary>
    public SchedulePeriod? ForKey(string key)
    {
        if (cron is not null) return CronPeriodForKey(key);
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

    private SchedulePeriod CronPeriod(DateTimeOffset start)
    {
        // Firings are found for five years ahead (For checked there is one); past that the period is left open-ended.
        var end = cron!.After(start) ?? DateTimeOffset.MaxValue - schedule.Deadline;
        return new SchedulePeriod(start, end, end + schedule.Deadline, CronKey(start, end));
    }

    private string CronKey(DateTimeOffset start, DateTimeOffset end)
    {
        if (end - start == TimeSpan.FromHours(1)) return Partition.KeyFor(start, PartitionGranularity.Hourly, zone);
        var (localStart, localEnd) = (TimeZoneInfo.ConvertTime(start, zone).DateTime, TimeZoneInfo.ConvertTime(end, zone).DateTime);
        // A daily firing is 23 to 25 hours from the previous one across a DST change (or a skipped wall time).
        if (localEnd.Date == localStart.Date.AddDays(1) && (end - start - TimeSpan.FromDays(1)).Duration() <= TimeSpan.FromHours(1))
            return Partition.KeyFor(start, PartitionGranularity.Daily, zone);
        return start.UtcDateTime.ToString(InstantKeyFormat, CultureInfo.InvariantCulture);
    }

    // A key names a period when the first firing at or after the instant the key stands for starts a period with that key.
    private SchedulePeriod? CronPeriodForKey(string key)
    {
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        DateTimeOffset from;
        if (DateTimeOffset.TryParseExact(key, [InstantKeyFormat, "yyyy-MM-dd'T'HH"], CultureInfo.InvariantCulture, Utc, out var instant))
            from = instant;
        else if (DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            from = LocalMidnight(date);
        else
            return null;
        return cron!.After(from.AddTicks(-1)) is { } start && CronPeriod(start) is var period && period.Key == key ? period : null;
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
