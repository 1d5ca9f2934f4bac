using Catalog.Domain.Health;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Tests.Health;

public class FreshnessRulesTests
{
    private static readonly Schedule HourlyUtc = new() { Kind = ScheduleKind.Hourly, TimeZone = "UTC", Deadline = TimeSpan.FromMinutes(30) };
    private static readonly Schedule DailyNewYork = new() { Kind = ScheduleKind.Daily, TimeZone = "America/New_York", Deadline = TimeSpan.FromHours(2) };
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void An_hourly_partition_missing_past_its_deadline_makes_the_endpoint_late()
    {
        Arrival[] arrivals = [new("2026-01-15T10", Utc(1, 15, 11, 10)), new("2026-01-15T11", Utc(1, 15, 12, 10))];

        var freshness = FreshnessRules.Evaluate(HourlyUtc, arrivals, Utc(1, 15, 13, 45), Day);

        Assert.Equal(FreshnessState.Late, freshness.State);
        Assert.Equal(["2026-01-15T12"], freshness.Missing.Select(m => m.Period.Key));
        Assert.Equal(Utc(1, 15, 13, 30), freshness.LateSince);
    }

    [Fact]
    public void An_hourly_partition_not_yet_due_leaves_the_endpoint_fresh()
    {
        Arrival[] arrivals = [new("2026-01-15T10", Utc(1, 15, 11, 10)), new("2026-01-15T11", Utc(1, 15, 12, 10))];

        var freshness = FreshnessRules.Evaluate(HourlyUtc, arrivals, Utc(1, 15, 13, 20), Day);

        Assert.Equal(FreshnessState.Fresh, freshness.State);
        Assert.Equal(PeriodState.Pending, freshness.Periods.Single(p => p.Period.Key == "2026-01-15T12").State);
    }

    [Fact]
    public void A_partition_that_arrives_late_then_its_successor_on_time_leaves_history_but_no_problem()
    {
        Arrival[] before = [new("2026-01-15T09", Utc(1, 15, 10, 5))];
        Assert.Equal(FreshnessState.Late, FreshnessRules.Evaluate(HourlyUtc, before, Utc(1, 15, 11, 45), Day).State);

        Arrival[] after = [.. before, new("2026-01-15T10", Utc(1, 15, 11, 50)), new("2026-01-15T11", Utc(1, 15, 12, 5))];
        var freshness = FreshnessRules.Evaluate(HourlyUtc, after, Utc(1, 15, 12, 10), Day);

        Assert.Equal(FreshnessState.Fresh, freshness.State);
        Assert.Equal(PeriodState.ArrivedLate, freshness.Periods.Single(p => p.Period.Key == "2026-01-15T10").State);
        Assert.Equal(PeriodState.OnTime, freshness.Periods.Single(p => p.Period.Key == "2026-01-15T11").State);
    }

    [Fact]
    public void A_daily_partition_is_late_only_after_the_deadline_past_local_midnight_across_spring_forward()
    {
        Arrival[] arrivals = [new("2026-03-06", Utc(3, 7, 6)), new("2026-03-07", Utc(3, 8, 6))];

        // 2026-03-08 in New York ends at 04:00 UTC (EDT) and is due at 06:00 UTC.
        Assert.Equal(FreshnessState.Fresh, FreshnessRules.Evaluate(DailyNewYork, arrivals, Utc(3, 9, 5, 59), Day * 7).State);
        var late = FreshnessRules.Evaluate(DailyNewYork, arrivals, Utc(3, 9, 6, 1), Day * 7);
        Assert.Equal(FreshnessState.Late, late.State);
        Assert.Equal("2026-03-08", Assert.Single(late.Missing).Period.Key);
    }

    [Fact]
    public void A_daily_partition_for_a_local_date_counts_even_when_written_on_the_next_UTC_day()
    {
        var tokyo = new Schedule { Kind = ScheduleKind.Daily, TimeZone = "Asia/Tokyo", Deadline = TimeSpan.FromHours(3) };
        // Tokyo's 2026-01-15 runs 2026-01-14T15:00Z – 2026-01-15T15:00Z; due 18:00Z.
        Arrival[] arrivals = [new("2026-01-14", Utc(1, 14, 16)), new("2026-01-15", Utc(1, 15, 17, 59))];
        var freshness = FreshnessRules.Evaluate(tokyo, arrivals, Utc(1, 15, 20), Day * 3);
        Assert.Equal(FreshnessState.Fresh, freshness.State);
        Assert.Equal(PeriodState.OnTime, freshness.Periods.Single(p => p.Period.Key == "2026-01-15").State);
    }

    [Fact]
    public void A_gap_filled_by_a_backfill_is_no_longer_late_and_is_marked_as_backfilled()
    {
        Arrival[] arrivals =
        [
            new("2026-01-10", Utc(1, 11, 6)), new("2026-01-11", Utc(1, 12, 6)),
            new("2026-01-13", Utc(1, 14, 6)), new("2026-01-14", Utc(1, 15, 6)),
            new("2026-01-12", Utc(1, 15, 9)),
        ];
        var freshness = FreshnessRules.Evaluate(DailyNewYork, arrivals, Utc(1, 15, 12), Day * 10);

        Assert.Equal(FreshnessState.Fresh, freshness.State);
        Assert.Equal(PeriodState.Backfilled, freshness.Periods.Single(p => p.Period.Key == "2026-01-12").State);
    }

    [Fact]
    public void Backfilled_old_history_does_not_make_the_endpoint_late_for_the_gap_before_its_first_output()
    {
        Arrival[] arrivals =
        [
            new("2026-01-10", Utc(1, 11, 6)), new("2026-01-11", Utc(1, 12, 6)), new("2026-01-12", Utc(1, 13, 6)),
            new("2025-12-01", Utc(1, 12, 20)), new("2025-12-02", Utc(1, 12, 21)),
        ];
        var freshness = FreshnessRules.Evaluate(DailyNewYork, arrivals, Utc(1, 13, 12), Day * 60);

        Assert.Equal(FreshnessState.Fresh, freshness.State);
        Assert.Equal("2026-01-10", freshness.Periods.First().Period.Key);
    }

    [Fact]
    public void Periods_older_than_the_look_back_window_are_not_judged()
    {
        Arrival[] arrivals = [new("2026-01-15T00", Utc(1, 15, 1))];
        var freshness = FreshnessRules.Evaluate(HourlyUtc, arrivals, Utc(1, 20, 12), TimeSpan.FromHours(3));
        Assert.Equal(FreshnessState.Late, freshness.State);
        Assert.Equal(["2026-01-20T09", "2026-01-20T10"], freshness.Missing.Select(m => m.Period.Key));
    }

    [Fact]
    public void An_endpoint_that_never_produced_is_late_from_when_it_became_active()
    {
        var freshness = FreshnessRules.Evaluate(HourlyUtc, [], Utc(1, 15, 12), Day, activeSince: Utc(1, 15, 10));
        Assert.Equal(["2026-01-15T10"], freshness.Missing.Select(m => m.Period.Key));
        Assert.Equal(FreshnessState.Unknown, FreshnessRules.Evaluate(HourlyUtc, [], Utc(1, 15, 12), Day).State);
    }

    [Fact]
    public void Unscheduled_endpoints_have_unknown_freshness()
    {
        Arrival[] arrivals = [new("2026-01-15", Utc(1, 15, 1))];
        Assert.Equal(FreshnessState.Unknown, FreshnessRules.Evaluate(Schedule.Unscheduled, arrivals, Utc(1, 20, 12), Day).State);
    }
}
