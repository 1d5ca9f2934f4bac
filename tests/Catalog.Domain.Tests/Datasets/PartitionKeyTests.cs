using Catalog.Domain.Datasets;

namespace Catalog.Domain.Tests.Datasets;

public sealed class PartitionKeyTests
{
    [Fact]
    public void Hourly_and_daily_keys_are_canonical_in_utc()
    {
        var start = new DateTimeOffset(2026, 11, 21, 14, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal("2026-11-21T13", Partition.KeyFor(start, PartitionGranularity.Hourly));
        Assert.Equal("2026-11-21", Partition.KeyFor(start, PartitionGranularity.Daily));
        Assert.Equal("all", Partition.KeyFor(start, PartitionGranularity.None));
    }
}
