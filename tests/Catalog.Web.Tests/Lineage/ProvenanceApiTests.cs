using static Catalog.Web.Tests.Lineage.ShopLineage;

namespace Catalog.Web.Tests.Lineage;

public sealed class ProvenanceApiTests(ShopSnapshotFactory factory) : IClassFixture<ShopSnapshotFactory>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_partition_names_the_run_that_wrote_it_and_the_input_partitions_newest_at_its_start()
    {
        var run = Guid.Parse("5f1a0b8e-2a61-4c35-9a8e-0d6c1f3c2b11");
        await factory.Data.PartitionAsync(RawOrders, "2026-11-18", Day.AddDays(-2).AddHours(1));
        await factory.Data.PartitionAsync(RawOrders, "2026-11-19", Day.AddDays(-1).AddHours(1));
        await factory.Data.PartitionAsync(RawOrders, "2026-11-20", Day.AddHours(3));
        await factory.Data.RunAsync(run, EtlOrders, "completed", Day.AddHours(2));
        await factory.Data.PartitionAsync(MartOrders, "2026-11-19", Day.AddHours(2).AddMinutes(5), run, rows: 1200);

        var body = await Json.GetAsync(factory.ClientFor("vera"), Json.Url("/api/lineage/provenance", ("nodeId", MartOrders), ("partition", "2026-11-19")));

        Assert.Equal(run, body.GetProperty("run").GetProperty("id").GetGuid());
        Assert.Equal(EtlOrders, body.GetProperty("job").GetString());
        var inputs = body.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("dataset").GetString()!, i => i.GetProperty("partition"));
        // raw.orders' 2026-11-20 partition landed after the run started: the run read 2026-11-19.
        Assert.Equal("2026-11-19", inputs[RawOrders].GetProperty("key").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, inputs[RawCustomers].ValueKind);
    }
}
