using Catalog.Domain.Datasets;
using Catalog.Domain.Health;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Tests.Health;

/// <summary>
/// One rule for daily partition keys, shared by producers (<see cref="Partition.KeyFor(DateTimeOffset, PartitionGranularity, TimeZoneInfo)"/>)
/// and health (<see cref="SchedulePeriods"/>): the date, in the schedule's zone, on which the period starts.
/// The cases sit around local midnight in zones far from UTC, where the UTC date is the other day.
/// </summary>
public class DailyPartitionKeyTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static Schedule Daily(string zone) => new() { Kind = ScheduleKind.Daily, TimeZone = zone, Deadline = TimeSpan.FromHours(2) };

    [Theory]
    // Tokyo (UTC+9): half an hour after local midnight of the 21st is still the 20th in UTC.
    [InlineData("Asia/Tokyo", "2026-11-20T15:30:00Z", "2026-11-21")]
    [InlineData("Asia/Tokyo", "2026-11-20T14:59:00Z", "2026-11-20")]
    // Los Angeles (UTC-8 in November): half an hour before local midnight of the 21st is already the 21st in UTC.
    [InlineData("America/Los_Angeles", "2026-11-21T07:30:00Z", "2026-11-20")]
    [InlineData("America/Los_Angeles", "2026-11-21T08:00:00Z", "2026-11-21")]
    // Los Angeles on the days clocks change: the 23-hour and the 25-hour day end at local midnight too.
    [InlineData("America/Los_Angeles", "2026-03-09T06:59:00Z", "2026-03-08")]
    [InlineData("America/Los_Angeles", "2026-03-09T07:00:00Z", "2026-03-09")]
    [InlineData("America/Los_Angeles", "2026-11-02T07:59:00Z", "2026-11-01")]
    [InlineData("America/Los_Angeles", "2026-11-02T08:00:00Z", "2026-11-02")]
    public void Health_and_producers_give_the_same_local_date_key_around_midnight(string zone, string instant, string key)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var period = SchedulePeriods.For(Daily(zone))!.Containing(at);

        Assert.Equal(key, period.Key);
        Assert.Equal(key, Partition.KeyFor(at, PartitionGranularity.Daily, TimeZoneInfo.FindSystemTimeZoneById(zone)));
        Assert.Equal(key, Partition.KeyFor(period.Start, PartitionGranularity.Daily, TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    [Fact]
    public void The_spring_forward_day_in_Los_Angeles_is_one_partition_of_23_hours()
    {
        var day = SchedulePeriods.For(Daily("America/Los_Angeles"))!.ForKey("2026-03-08")!;

        Assert.Equal((Utc(3, 8, 8), Utc(3, 9, 7)), (day.Start, day.End));
        Assert.Equal("2026-03-08", Partition.KeyFor(day.Start, PartitionGranularity.Daily, LosAngeles));
        Assert.Equal("2026-03-08", Partition.KeyFor(day.End.AddTicks(-1), PartitionGranularity.Daily, LosAngeles));
    }

    [Fact]
    public void A_producer_that_states_its_local_offset_keys_the_local_date_without_knowing_the_zone()
    {
        // An OpenLineage nominal start of a Tokyo daily run written with its offset: the 21st, though the UTC date is the 20th.
        var nominalStart = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal("2026-11-21", Partition.KeyFor(nominalStart, PartitionGranularity.Daily));
        Assert.Equal(Partition.KeyFor(nominalStart, PartitionGranularity.Daily, Tokyo), Partition.KeyFor(nominalStart, PartitionGranularity.Daily));
    }

    [Fact]
    public void Hourly_keys_stay_utc_hours_whatever_the_zone()
    {
        Assert.Equal("2026-11-01T08", Partition.KeyFor(Utc(11, 1, 8, 30), PartitionGranularity.Hourly, LosAngeles));
        Assert.Equal("2026-11-01T09", Partition.KeyFor(Utc(11, 1, 9, 30), PartitionGranularity.Hourly, LosAngeles));
    }

    [Fact]
    public void A_Tokyo_endpoint_whose_partitions_are_keyed_by_the_producer_rule_is_fresh_not_late()
    {
        // Five days of output, each landing an hour after local midnight, keyed the way a producer keys them.
        var schedule = Daily("Asia/Tokyo");
        var periods = SchedulePeriods.For(schedule)!;
        var first = periods.ForKey("2026-11-16")!;
        var arrivals = Enumerable.Range(0, 5)
            .Select(d => first.Start.AddDays(d))
            .Select(start => new Arrival(Partition.KeyFor(start, PartitionGranularity.Daily, Tokyo), start.AddDays(1).AddHours(1)))
            .ToArray();

        // 2026-11-21 01:30 in Tokyo: the 20th's partition is in (at 01:00), the 21st is not due yet.
        var freshness = FreshnessRules.Evaluate(schedule, arrivals, Utc(11, 20, 16, 30), TimeSpan.FromDays(7));

        Assert.Equal(FreshnessState.Fresh, freshness.State);
        Assert.Empty(freshness.Missing);
        Assert.Equal(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"], arrivals.Select(a => a.Key));
    }
}
