using Catalog.Harvesting;
using Catalog.Indexer.Tests.Harvesting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Indexer.Tests.PostgresIntrospection;

/// <summary>pagila harvested live into the catalog's own database through the real engine.</summary>
public sealed class PostgresStoreTests : IClassFixture<HarvestDatabase>
{
    private readonly HarvestDatabase db;
    private readonly HarvestRunner runner;

    public PostgresStoreTests(HarvestDatabase db)
    {
        this.db = db;
        runner = new HarvestRunner([PostgresHarvest.CreateHarvester()], db.Engine(), NullLogger<HarvestRunner>.Instance);
    }

    [Fact]
    public async Task Pagila_lands_with_partitions_view_lineage_and_keys_and_an_unchanged_database_is_skipped()
    {
        var pagila = await SampleDatabases.PagilaAsync();
        var builder = new NpgsqlConnectionStringBuilder(pagila);
        var prefix = $"dataset:postgres://{builder.Host}:{builder.Port}:{builder.Database}.public.";

        var first = await runner.RunAsync("postgres", pagila);

        Assert.Equal(HarvestRunStatus.Succeeded, first.Status);
        Assert.Equal("16049 7", await db.ScalarAsync<string>(
            "SELECT sum(p.row_count) || ' ' || count(*) FROM partitions p JOIN entities e ON e.id = p.dataset_id WHERE e.ref = $1", prefix + "payment"));
        Assert.Equal(["actor", "category", "film", "film_actor", "film_category"], await db.ColumnAsync("""
            SELECT split_part(f.name, '.', 3) FROM lineage_edges l JOIN entities f ON f.id = l.from_id JOIN entities t ON t.id = l.to_id
            WHERE t.ref = $1 AND l.edge_kind = 'derived_from' ORDER BY 1
            """, prefix + "film_list"));
        Assert.Equal(16044L, await db.ScalarAsync<long>(
            "SELECT p.row_count FROM partitions p JOIN entities e ON e.id = p.dataset_id WHERE e.ref = $1 AND p.partition_key = 'all'", prefix + "rental"));
        Assert.Equal(["customer_id", "inventory_id", "staff_id"], await db.ColumnAsync("""
            SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = $1 AND 'foreign-key' = ANY(f.tags) ORDER BY 1
            """, prefix + "rental"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM raw_inputs WHERE harvester = 'postgres' AND status = 'processed'") == 1);

        var second = await runner.RunAsync("postgres", pagila);

        Assert.Equal(1, second.InputsSkipped);
        Assert.Equal(0, second.ItemsApplied);
    }
}
