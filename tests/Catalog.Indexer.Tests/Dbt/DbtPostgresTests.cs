using Catalog.Indexer.Tests.Harvesting;
using Catalog.Plugins.Dbt;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Dbt;

/// <summary>Real dbt artifacts harvested through the real engine into a real PostgreSQL.</summary>
public sealed class DbtPostgresTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private async Task HarvestAsync(string target)
    {
        var run = await db.Engine().StartRunAsync("dbt", target);
        await new DbtHarvester(Options.Create(new DbtOptions())).HarvestAsync(new HarvestContext(target, run), CancellationToken.None);
        await run.CompleteAsync();
    }

    [Fact]
    public async Task The_test_fixture_lands_lineage_columns_and_failed_quality_results_in_the_tables()
    {
        await HarvestAsync(DbtTestHarvest.File("openlineage-dbt-tests", "test", "target"));

        var reads = await db.ColumnAsync("""
            SELECT f.ref FROM lineage_edges l JOIN entities f ON f.id = l.from_id JOIN entities t ON t.id = l.to_id
            WHERE t.ref = 'job:dbt:dbt_bigquery_test.test_third_dbt_model' AND l.edge_kind = 'reads' ORDER BY 1
            """);
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.StartsWith("dataset:bigquery:", r, StringComparison.Ordinal));
        var failed = await db.ColumnAsync("""
            SELECT q.check_name FROM quality_results q JOIN entities e ON e.id = q.dataset_id
            WHERE q.framework = 'dbt' AND q.status = 'failed' ORDER BY 1
            """);
        Assert.Contains("unique_test_first_dbt_model_id", failed);
        Assert.Equal(4, failed.Count);
    }

    [Fact]
    public async Task Jaffle_shop_v12_lands_the_customers_column_description_and_a_rerun_changes_nothing()
    {
        var target = DbtTestHarvest.File("dbt-artifacts-parser-jaffle-shop", "manifest", "v12", "jaffle_shop", "manifest_1.9.json");
        await HarvestAsync(target);
        var edgesBefore = await db.ScalarAsync<long>("SELECT count(*) FROM lineage_edges");

        await HarvestAsync(target);

        Assert.Equal("Customer's first name. PII.", await db.ScalarAsync<string>("""
            SELECT f.description FROM dataset_fields f JOIN entities e ON e.id = f.entity_id
            WHERE e.ref = 'dataset:bigquery:your-project.jaffle_shop.customers' AND f.name = 'first_name'
            """));
        Assert.Equal(edgesBefore, await db.ScalarAsync<long>("SELECT count(*) FROM lineage_edges"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT inputs_skipped FROM harvest_runs ORDER BY started_at DESC LIMIT 1"));
    }
}
