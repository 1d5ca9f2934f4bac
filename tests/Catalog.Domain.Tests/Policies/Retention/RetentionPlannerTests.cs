using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Retention;

namespace Catalog.Domain.Tests.Policies.Retention;

public sealed class RetentionPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static List<PartitionFacts> DailyPartitions(int days, long bytes = 1_000) =>
        Enumerable.Range(0, days)
            .Select(i => Now.Date.AddDays(-i))
            .Select(d => PartitionFacts.From(d.ToString("yyyy-MM-dd"), PartitionGranularity.Daily, Now, bytes))
            .ToList();

    [Fact]
    public void Keep_days_expires_the_partitions_entirely_older_than_the_window()
    {
        var plan = RetentionPlanner.Plan(RetentionPolicy.Days(7), DailyPartitions(10), Now);

        // 2026-11-14 ends at 11-15 00:00, after the cutoff 11-14 12:00: it still holds data inside the window.
        Assert.Equal(["2026-11-13", "2026-11-12"], plan.Expiring.Select(p => p.Key));
        Assert.Equal(8, plan.Kept.Count);
        Assert.Equal(2_000, plan.BytesFreed);
    }

    [Fact]
    public void Keep_latest_keeps_the_newest_partitions_by_time_not_by_insertion_order()
    {
        var shuffled = DailyPartitions(5).OrderBy(p => p.Key.GetHashCode()).ToList();

        var plan = RetentionPlanner.Plan(RetentionPolicy.Latest(2), shuffled, Now);

        Assert.Equal(["2026-11-21", "2026-11-20"], plan.Kept.Select(p => p.Key));
        Assert.Equal(3, plan.Expiring.Count);
    }

    [Fact]
    public void Keep_forever_expires_nothing()
    {
        var plan = RetentionPlanner.Plan(RetentionPolicy.Forever("legal hold"), DailyPartitions(400), Now);

        Assert.Empty(plan.Expiring);
        Assert.Equal(0, plan.BytesFreed);
    }

    [Fact]
    public void Unknown_partition_sizes_make_the_bytes_freed_a_lower_bound()
    {
        var partitions = new[] { PartitionFacts.From("2020-01-01", PartitionGranularity.Daily, Now, null) };

        var plan = RetentionPlanner.Plan(RetentionPolicy.Days(1), partitions, Now);

        Assert.Single(plan.Expiring);
        Assert.True(plan.HasUnknownSizes);
    }

    [Fact]
    public void Hourly_keys_are_read_as_hours()
    {
        var facts = PartitionFacts.From("2026-11-21T13", PartitionGranularity.Hourly, Now, 5);

        Assert.Equal(new DateTimeOffset(2026, 11, 21, 13, 0, 0, TimeSpan.Zero), facts.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.Zero), facts.End);
    }

    [Fact]
    public void A_key_that_is_not_a_date_falls_back_to_when_the_partition_was_written()
    {
        var written = Now.AddDays(-3);

        var facts = PartitionFacts.From("region=eu", PartitionGranularity.Daily, written, 5);

        Assert.Equal(written, facts.End);
    }
}
