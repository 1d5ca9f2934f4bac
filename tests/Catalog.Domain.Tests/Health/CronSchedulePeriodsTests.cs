using Catalog.Domain.Health;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Tests.Health;

public class CronSchedulePeriodsTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static Schedule Cron(string expression, string zone, int deadlineMinutes = 120) =>
        new() { Kind = ScheduleKind.Cron, Cron = expression, TimeZone = zone, Deadline = TimeSpan.FromMinutes(deadlineMinutes) };

    private static SchedulePeriods Periods(string expression, string zone) => SchedulePeriods.For(Cron(expression, zone))!;

    [Fact]
    public void A_daily_cron_period_runs_from_one_local_firing_to_the_next_and_is_keyed_by_its_local_date()
    {
        // 03:15 every day in Los Angeles (PST, UTC-8): 04:00 local on the 21st is in the period that began at 03:15.
        var period = Periods("15 3 * * *", "America/Los_Angeles").Containing(Utc(11, 21, 12));

        Assert.Equal((Utc(11, 21, 11, 15), Utc(11, 22, 11, 15)), (period.Start, period.End));
        Assert.Equal(Utc(11, 22, 13, 15), period.Deadline);
        Assert.Equal("2026-11-21", period.Key);
    }

    [Fact]
    public void A_cron_firing_every_15_minutes_gives_periods_keyed_by_their_utc_start()
    {
        var periods = Periods("*/15 * * * *", "UTC");
        var period = periods.Containing(Utc(11, 21, 10, 20));

        Assert.Equal((Utc(11, 21, 10, 15), Utc(11, 21, 10, 30)), (period.Start, period.End));
        Assert.Equal("2026-11-21T10:15:00Z", period.Key);
        Assert.Equal(Utc(11, 21, 10, 30), periods.Next(period).Start);
        Assert.Equal(period, periods.ForKey("2026-11-21T10:15:00Z"));
        Assert.Null(periods.ForKey("2026-11-21T10:20:00Z"));
    }

    [Fact]
    public void An_hourly_cron_in_a_half_hour_zone_is_keyed_by_the_utc_hour_of_its_start()
    {
        var periods = Periods("0 * * * *", "Asia/Kolkata"); // UTC+5:30: local whole hours are :30 UTC
        var period = periods.Containing(Utc(1, 15, 13, 45));

        Assert.Equal(Utc(1, 15, 13, 30), period.Start);
        Assert.Equal("2026-01-15T13", period.Key);
        Assert.Equal(period, periods.ForKey("2026-01-15T13"));
    }

    [Fact]
    public void A_firing_time_the_clocks_skip_fires_right_after_the_gap_and_keeps_its_daily_key()
    {
        // 02:30 does not exist in Los Angeles on 2026-03-08 (02:00 PST → 03:00 PDT): it fires at 03:00 PDT.
        var periods = Periods("30 2 * * *", "America/Los_Angeles");
        var before = periods.ForKey("2026-03-07")!;
        var gapDay = periods.Next(before);

        Assert.Equal((Utc(3, 7, 10, 30), Utc(3, 8, 10)), (before.Start, before.End));
        Assert.Equal("2026-03-08", gapDay.Key);
        Assert.Equal((Utc(3, 8, 10), Utc(3, 9, 9, 30)), (gapDay.Start, gapDay.End));
    }

    [Fact]
    public void A_firing_time_the_clocks_repeat_fires_once()
    {
        // 01:30 happens twice in Los Angeles on 2026-11-01; the job fires at the first (PDT, 08:30 UTC) only.
        var periods = Periods("30 1 * * *", "America/Los_Angeles");
        var day = periods.Containing(Utc(11, 1, 9, 45)); // 01:45 PST, the second pass

        Assert.Equal(Utc(11, 1, 8, 30), day.Start);
        Assert.Equal(Utc(11, 2, 9, 30), day.End);
        Assert.Equal("2026-11-01", day.Key);
    }

    [Fact]
    public void A_weekday_cron_expects_nothing_at_the_weekend_and_is_late_for_a_missing_weekday()
    {
        // 06:00 Monday to Friday in Tokyo. Output for a period lands when its period ends (at the next firing).
        var schedule = Cron("0 6 * * 1-5", "Asia/Tokyo", deadlineMinutes: 60);
        var periods = SchedulePeriods.For(schedule)!;
        var monday = periods.ForKey("2026-11-16")!; // Monday 16th 06:00 JST = 15th 21:00 UTC
        var all = periods.Between(monday.Start, Utc(11, 23, 0)).ToList();
        var keys = all.Select(p => p.Key).ToList();
        // Friday's period runs to Monday's firing (three days): keyed by its start in UTC, like a producer keys it;
        // the period that starts on Monday 23rd is pending at the end of the window.
        Assert.Equal(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-19T21:00:00Z", "2026-11-23"], keys);

        Arrival[] arrivals = [.. all.Take(5).Where(p => p.Key != "2026-11-18").Select(p => new Arrival(p.Key, p.End.AddMinutes(20)))];
        var freshness = FreshnessRules.Evaluate(schedule, arrivals, Utc(11, 23, 0), TimeSpan.FromDays(10));

        Assert.Equal(FreshnessState.Late, freshness.State);
        Assert.Equal(["2026-11-18"], freshness.Missing.Select(m => m.Period.Key));
    }

    [Theory]
    [InlineData("not a cron")]
    [InlineData("0 0 30 2 *")] // 30 February never comes
    [InlineData("")]
    public void A_cron_schedule_that_cannot_be_read_or_never_fires_is_not_judged(string expression)
    {
        Assert.Null(SchedulePeriods.For(Cron(expression, "UTC")));
        Assert.Equal(FreshnessState.Unknown, FreshnessRules.Evaluate(Cron(expression, "UTC"), [new("2026-11-21", Utc(11, 21, 1))], Utc(11, 22, 0), TimeSpan.FromDays(2)).State);
    }
}
