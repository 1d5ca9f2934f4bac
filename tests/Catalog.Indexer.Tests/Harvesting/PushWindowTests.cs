using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class PushWindowTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task Pushed_inputs_of_one_hour_accumulate_in_one_run_with_their_counts_status_and_errors()
    {
        var engine = db.Engine();
        Task Good(IHarvestBatch batch, CancellationToken _) { batch.Add(Items.Dataset("pushwin", "orders", "id")); return Task.CompletedTask; }

        await engine.IngestAsync("pushwin", Items.Input("http:1", "{\"n\":1}", HarvestMode.Delta), Good, CancellationToken.None);
        await engine.IngestAsync("pushwin", Items.Input("http:2", "{\"n\":2}", HarvestMode.Delta), Good, CancellationToken.None);
        await engine.IngestAsync("pushwin", Items.Input("http:2", "{\"n\":2}", HarvestMode.Delta), Good, CancellationToken.None);
        await engine.IngestAsync("pushwin", Items.Input("http:3", "not json", HarvestMode.Delta),
            (batch, ct) => batch.FailAsync(new HarvestError("http:3", "not valid JSON") { Position = "line 1, column 1" }, ct), CancellationToken.None);

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM harvest_runs WHERE harvester = 'pushwin'"));
        Assert.Equal("4|1|1|2|1|partial", await db.ScalarAsync<string>("""
            SELECT inputs_seen || '|' || inputs_skipped || '|' || inputs_failed || '|' || items_applied || '|' || error_count || '|' || status
            FROM harvest_runs WHERE harvester = 'pushwin'
            """));
        Assert.Matches(@"^pushed \d{4}-\d\d-\d\d \d\d:00–\d\d:00 UTC$", await db.ScalarAsync<string>("SELECT target FROM harvest_runs WHERE harvester = 'pushwin'"));
        Assert.Equal("http:3|not valid JSON", await db.ScalarAsync<string>("""
            SELECT e.location || '|' || e.reason FROM harvest_errors e JOIN harvest_runs r ON r.id = e.run_id WHERE r.harvester = 'pushwin'
            """));
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM raw_inputs i JOIN harvest_runs r ON r.id = i.run_id WHERE r.harvester = 'pushwin'"));
    }
}
