using System.Globalization;
using Catalog.Domain.Health;
using Catalog.Domain.Workflows;
using Catalog.Testing;

namespace Catalog.Domain.Tests.Health;

/// <summary>
/// Lateness of a daily and an hourly endpoint at the shared date matrix (first of a month, DST changes in Europe and
/// the US, 29 February, 31 December). Expected boundaries are worked out here from <see cref="TimeZoneInfo"/>, not
/// from the schedule code: the period containing the instant is on time until its deadline and late one minute after.
/// </summary>
public class FreshnessOnAnyDateTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static TheoryData<string, string> DailyCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var at in ((IEnumerable<object[]>)ClockDates.All).Select(row => (string)row[0]))
            foreach (var zone in new[] { "Europe/Stockholm", "America/New_York" })
                cases.Add(at, zone);
        return cases;
    }

    [Theory]
    [MemberData(nameof(DailyCases))]
    public void A_daily_partition_due_at_four_after_local_midnight_is_late_one_minute_after_and_not_before(string at, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = ClockDates.Parse(at);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var start = LocalMidnight(day, zone);
        var end = LocalMidnight(day.AddDays(1), zone);
        var due = end + TimeSpan.FromHours(4);
        var schedule = new Schedule { Kind = ScheduleKind.Daily, TimeZone = zoneId, Deadline = TimeSpan.FromHours(4) };
        // The three days before arrived an hour after their local midnight.
        Arrival[] arrivals = [.. Enumerable.Range(1, 3).Select(back => day.AddDays(-back))
            .Select(d => new Arrival(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LocalMidnight(d.AddDays(1), zone).AddHours(1)))];

        var before = FreshnessRules.Evaluate(schedule, arrivals, due.AddMinutes(-1), Week);
        var after = FreshnessRules.Evaluate(schedule, arrivals, due.AddMinutes(1), Week);

        Assert.Equal(FreshnessState.Fresh, before.State);
        Assert.Equal(FreshnessState.Late, after.State);
        var missing = Assert.Single(after.Missing).Period;
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), missing.Key);
        // 23 or 25 hours on a DST change day, 24 otherwise.
        Assert.Equal(end - start, missing.End - missing.Start);
        Assert.Equal(due, after.LateSince);
    }

    [Theory]
    [MemberData(nameof(ClockDates.All), MemberType = typeof(ClockDates))]
    public void An_hourly_partition_keyed_by_its_UTC_hour_is_late_31_minutes_after_its_hour_even_across_a_DST_change(string at)
    {
        var now = ClockDates.Parse(at);
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var schedule = new Schedule { Kind = ScheduleKind.Hourly, TimeZone = "Europe/Stockholm", Deadline = TimeSpan.FromMinutes(30) };
        // The six hours before (across the change on a DST day) arrived ten minutes after they ended.
        Arrival[] arrivals = [.. Enumerable.Range(1, 6).Select(back => hour.AddHours(-back))
            .Select(h => new Arrival(h.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture), h.AddMinutes(70)))];
        var due = hour.AddMinutes(90);

        var before = FreshnessRules.Evaluate(schedule, arrivals, due.AddMinutes(-1), TimeSpan.FromDays(1));
        var after = FreshnessRules.Evaluate(schedule, arrivals, due.AddMinutes(1), TimeSpan.FromDays(1));

        Assert.Equal(FreshnessState.Fresh, before.State);
        Assert.Equal(FreshnessState.Late, after.State);
        Assert.Equal(hour.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture), Assert.Single(after.Missing).Period.Key);
        Assert.Equal(due, after.LateSince);
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
}
