using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage.Runs;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Tests.Lineage.Runs;

public class InputVersionsTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static Partition Hour(int hour) => new()
    {
        Key = Partition.KeyFor(Nine.Date.AddHours(hour), PartitionGranularity.Hourly),
        Granularity = PartitionGranularity.Hourly,
        CreatedAt = new DateTimeOffset(Nine.Date.AddHours(hour + 1).AddMinutes(5), TimeSpan.Zero),
    };

    [Fact]
    public void The_latest_partition_that_existed_when_the_run_started_is_the_version_read()
    {
        // Partitions 06, 07, 08 land at 07:05, 08:05, 09:05; a run starting at 09:00 saw 07 as newest.
        var latest = InputVersions.LatestAt([Hour(6), Hour(8), Hour(7)], Nine);

        Assert.Equal("2026-11-21T07", latest!.Key);
    }

    [Fact]
    public void No_partition_before_the_run_means_no_input_version()
    {
        Assert.Null(InputVersions.LatestAt([Hour(9)], Nine));
    }

    [Fact]
    public void The_run_start_is_preferred_then_its_nominal_start_then_the_partition_time()
    {
        var produced = Hour(8);
        var run = new Run { Id = Guid.NewGuid(), Job = EntityRef.Job("ns", "job"), NominalStart = Nine.AddHours(-1) };

        Assert.Equal(Nine.AddHours(-1), InputVersions.AsOf(run, produced));
        Assert.Equal(Nine, InputVersions.AsOf(run with { StartedAt = Nine }, produced));
        Assert.Equal(produced.CreatedAt, InputVersions.AsOf(null, produced));
    }
}
