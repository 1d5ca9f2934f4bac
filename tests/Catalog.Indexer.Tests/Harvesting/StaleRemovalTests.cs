using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class StaleRemovalTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task Entities_and_edges_a_full_input_no_longer_reports_are_marked_removed()
    {
        var engine = db.Engine();
        var (a, b, c, d) = (EntityRef.Dataset("stale", "a"), EntityRef.Dataset("stale", "b"), EntityRef.Dataset("stale", "c"), EntityRef.Dataset("stale", "d"));
        await engine.HarvestAsync(Items.Input("stale/project.yaml", "v1"),
            Items.Dataset("stale", "a"), Items.Dataset("stale", "b"), Items.Dataset("stale", "c"), Items.Dataset("stale", "d"),
            Items.Edge(a, b, LineageEdgeKind.DerivedFrom));

        var second = await engine.HarvestAsync(Items.Input("stale/project.yaml", "v2"),
            Items.Dataset("stale", "a"), Items.Dataset("stale", "c"), Items.Dataset("stale", "d"));

        Assert.Equal(1, second.EntitiesRemoved);
        Assert.Equal(["dataset:stale:a active", "dataset:stale:b removed", "dataset:stale:c active", "dataset:stale:d active"],
            await db.ColumnAsync("SELECT ref || ' ' || lifecycle FROM entities WHERE namespace = 'stale' ORDER BY ref"));
        Assert.True(await db.ScalarAsync<bool>("SELECT removed_at IS NOT NULL FROM entities WHERE ref = $1", b.ToString()));
        Assert.True(await db.ScalarAsync<bool>("SELECT removed_at IS NOT NULL FROM lineage_edges WHERE source_location = 'stale/project.yaml'"));
    }

    [Fact]
    public async Task A_removed_entity_reported_again_becomes_active()
    {
        var engine = db.Engine(maxRemovalShare: 1);
        await engine.HarvestAsync(Items.Input("revive/p.yaml", "v1"), Items.Dataset("revive", "a"), Items.Dataset("revive", "b"));
        await engine.HarvestAsync(Items.Input("revive/p.yaml", "v2"), Items.Dataset("revive", "a"));

        await engine.HarvestAsync(Items.Input("revive/p.yaml", "v3"), Items.Dataset("revive", "a"), Items.Dataset("revive", "b"));

        Assert.Equal("active", await db.ScalarAsync<string>("SELECT lifecycle FROM entities WHERE ref = 'dataset:revive:b'"));
        Assert.True(await db.ScalarAsync<bool>("SELECT removed_at IS NULL FROM entities WHERE ref = 'dataset:revive:b'"));
    }

    [Fact]
    public async Task Removing_more_than_the_configured_share_is_refused_and_recorded_as_an_error()
    {
        var engine = db.Engine(maxRemovalShare: 0.5);
        await engine.HarvestAsync(Items.Input("failsafe/p.yaml", "v1"),
            Items.Dataset("failsafe", "a"), Items.Dataset("failsafe", "b"), Items.Dataset("failsafe", "c"), Items.Dataset("failsafe", "d"));

        var truncated = await engine.HarvestAsync(Items.Input("failsafe/p.yaml", "v2"), Items.Dataset("failsafe", "a"));

        Assert.Equal(0, truncated.EntitiesRemoved);
        Assert.Equal(HarvestRunStatus.Partial, truncated.Status);
        var error = Assert.Single(truncated.Errors);
        Assert.Contains("3 of the 4", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE namespace = 'failsafe' AND lifecycle <> 'active'"));
        Assert.Equal(1L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM harvest_errors WHERE run_id = $1 AND position = 'stale removal'", truncated.RunId));
    }

    [Fact]
    public async Task Delta_inputs_never_remove_anything()
    {
        var engine = db.Engine(maxRemovalShare: 1);
        await engine.HarvestAsync(Items.Input("delta/e1", "1", HarvestMode.Delta), Items.Dataset("delta", "a"));

        await engine.HarvestAsync(Items.Input("delta/e1", "2", HarvestMode.Delta), Items.Dataset("delta", "b"));

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE namespace = 'delta' AND lifecycle <> 'active'"));
        Assert.Null(await db.ScalarAsync<string>("SELECT source_location FROM entities WHERE ref = 'dataset:delta:a'"));
    }

    [Fact]
    public async Task Entities_of_another_location_are_never_removed()
    {
        var engine = db.Engine(maxRemovalShare: 1);
        await engine.HarvestAsync(Items.Input("own/one.yaml", "v1"), Items.Dataset("own", "one"));
        await engine.HarvestAsync(Items.Input("own/two.yaml", "v1"), Items.Dataset("own", "two"));

        await engine.HarvestAsync(Items.Input("own/one.yaml", "v2"), Items.Dataset("own", "one_renamed"));

        Assert.Equal(["dataset:own:one removed", "dataset:own:one_renamed active", "dataset:own:two active"],
            await db.ColumnAsync("SELECT ref || ' ' || lifecycle FROM entities WHERE namespace = 'own' ORDER BY ref"));
    }
}
