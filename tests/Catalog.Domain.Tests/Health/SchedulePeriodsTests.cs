using Catalog.Domain.Health;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Tests.Health;

public class SchedulePeriodsTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static SchedulePeriods Daily(string zone, int deadlineHours = 2) =>
        SchedulePeriods.For(new Schedule { Kind = ScheduleKind.Daily, TimeZone = zone, Deadline = TimeSpan.FromHours(deadlineHours) })!;

    [Fact]
    public void A_daily_period_starts_at_local_midnight_and_is_keyed_by_the_local_date()
    {
        var day = Daily("Europe/Berlin").Containing(Utc(1, 14, 23, 30));
        Assert.Equal("2026-01-15", day.Key);
        Assert.Equal(Utc(1, 14, 23), day.Start);
        Assert.Equal(Utc(1, 15, 23), day.End);
        Assert.Equal(Utc(1, 16, 1), day.Deadline);
    }

    [Fact]
    public void The_day_clocks_spring_forward_is_twenty_three_hours_long()
    {
        var day = Daily("America/New_York").ForKey("2026-03-08")!;
        Assert.Equal(Utc(3, 8, 5), day.Start);
        Assert.Equal(Utc(3, 9, 4), day.End);
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);
        Assert.Equal(Utc(3, 9, 6), day.Deadline);
    }

    [Fact]
    public void The_day_clocks_fall_back_is_twenty_five_hours_long()
    {
        var day = Daily("America/New_York").ForKey("2026-11-01")!;
        Assert.Equal(TimeSpan.FromHours(25), day.End - day.Start);
        Assert.Equal(Utc(11, 1, 4), day.Start);
    }

    [Fact]
    public void A_skipped_local_midnight_starts_the_day_at_the_first_valid_local_time()
    {
        // Chile springs forward at 00:00 local on 2026-09-06: midnight does not exist that day.
        var day = Daily("America/Santiago").ForKey("2026-09-06")!;
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);
    }

    [Fact]
    public void Hourly_periods_follow_local_hour_boundaries_and_are_keyed_by_their_UTC_hour()
    {
        var kolkata = SchedulePeriods.For(new Schedule { Kind = ScheduleKind.Hourly, TimeZone = "Asia/Kolkata", Deadline = TimeSpan.FromMinutes(30) })!;
        var hour = kolkata.Containing(Utc(1, 15, 5, 10));
        Assert.Equal(Utc(1, 15, 4, 30), hour.Start);
        Assert.Equal("2026-01-15T04", hour.Key);
        Assert.Equal(Utc(1, 15, 6), hour.Deadline);
    }

    [Fact]
    public void Hours_across_a_DST_change_are_all_one_hour_long_and_distinct()
    {
        var hourly = SchedulePeriods.For(new Schedule { Kind = ScheduleKind.Hourly, TimeZone = "America/New_York" })!;
        var hours = hourly.Between(Utc(11, 1, 4), Utc(11, 1, 8)).ToList();
        Assert.Equal(5, hours.Count);
        Assert.All(hours, h => Assert.Equal(TimeSpan.FromHours(1), h.End - h.Start));
        Assert.Equal(5, hours.Select(h => h.Key).Distinct().Count());
    }

    [Fact]
    public void Unscheduled_schedules_and_unknown_zones_have_no_periods()
    {
        Assert.Null(SchedulePeriods.For(Schedule.Unscheduled));
        Assert.Null(SchedulePeriods.For(new Schedule { Kind = ScheduleKind.Cron, Cron = "0 3 * * *", TimeZone = "Mars/Olympus_Mons" }));
        Assert.Null(SchedulePeriods.For(new Schedule { Kind = ScheduleKind.Daily, TimeZone = "Mars/Olympus_Mons" }));
    }
}
