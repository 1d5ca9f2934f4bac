using Catalog.Domain.Cost;
using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;

namespace Catalog.Domain.Tests.Cost;

public class RetentionWhatIfTests
{
    private const long GiB = 1L << 30;
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly StoragePrice Gcs = new("gcs", null, 0.02m);

    // 30 daily partitions of 1 GiB: 2026-03-02 … 2026-03-31.
    private static readonly PartitionSize[] Daily = [.. Enumerable.Range(0, 30).Select(i =>
    {
        var day = new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero).AddDays(-i);
        return new PartitionSize(Partition.KeyFor(day, PartitionGranularity.Daily), PartitionGranularity.Daily, GiB, day.AddDays(1));
    })];

    [Fact]
    public void Keeping_seven_days_instead_of_everything_removes_the_older_partitions_and_their_cost()
    {
        var saving = RetentionWhatIf.Compare(Daily, current: null, RetentionPolicy.Days(7), Gcs, Now);

        Assert.Equal(23, saving.PartitionsRemoved);
        Assert.Equal(30 * GiB, saving.CurrentBytes);
        Assert.Equal(7 * GiB, saving.ProposedBytes);
        Assert.Equal(0.60m, saving.CurrentMonthly);
        Assert.Equal(0.46m, saving.MonthlySaving);
        Assert.Null(saving.SteadyStateMonthlySaving);
    }

    [Fact]
    public void Keep_latest_keeps_the_newest_partitions_by_period_not_by_write_time()
    {
        var shuffled = Daily.Select((p, i) => p with { CreatedAt = Now.AddMinutes(-i * 7 % 13) }).ToArray();
        var kept = RetentionWhatIf.Retained(shuffled, RetentionPolicy.Latest(3), Now);
        Assert.Equal(["2026-03-31", "2026-03-30", "2026-03-29"], kept.Select(p => p.Key));
    }

    [Fact]
    public void Steady_state_saving_averages_partition_size_over_the_partitions_each_policy_keeps()
    {
        var saving = RetentionWhatIf.Compare(Daily, RetentionPolicy.Latest(14), RetentionPolicy.Latest(7), Gcs, Now);
        Assert.Equal(0.14m, saving.SteadyStateMonthlySaving);
    }

    [Fact]
    public void Hourly_datasets_keep_twenty_four_partitions_per_retained_day()
    {
        var hourly = Enumerable.Range(0, 72).Select(i => Now.AddHours(-i))
            .Select(t => new PartitionSize(Partition.KeyFor(t, PartitionGranularity.Hourly), PartitionGranularity.Hourly, GiB / 4, t)).ToArray();
        Assert.Equal(48L * GiB / 4, RetentionWhatIf.SteadyStateBytes(hourly, RetentionPolicy.Days(2)));
    }

    [Fact]
    public void A_longer_retention_than_the_history_saves_nothing_today()
    {
        var saving = RetentionWhatIf.Compare(Daily, RetentionPolicy.Days(7), RetentionPolicy.Days(90), Gcs, Now);
        Assert.True(saving.MonthlySaving < 0);
        Assert.Equal(-23, saving.PartitionsRemoved);
    }
}
