using Catalog.Indexer.Tests.Harvesting;
using Catalog.Plugins.Avro;
using Catalog.Plugins.Avro.Harvesting;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Avro;

/// <summary>Avro evolutions harvested through the real engine: versions and their compatibility land in schema_versions.</summary>
public sealed class AvroPostgresTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private async Task HarvestAsync(string target)
    {
        var run = await db.Engine().StartRunAsync("avro", target);
        await new AvroHarvester(Options.Create(new AvroOptions())).HarvestAsync(new HarvestContext(target, run), CancellationToken.None);
        await run.CompleteAsync();
    }

    [Fact]
    public async Task Customer_and_its_good_evolution_land_as_two_versions_the_second_fully_compatible()
    {
        await HarvestAsync(AvroTestHarvest.File("evolution", "confluent-vscode-customer", "customer.avsc"));
        await HarvestAsync(AvroTestHarvest.File("evolution", "confluent-vscode-customer", "customer_good_evolution.avsc"));

        var versions = await db.ColumnAsync("""
            SELECT s.version || ':' || s.compatibility FROM schema_versions s JOIN entities e ON e.id = s.entity_id
            WHERE e.ref = 'event-type:examples:Customer' ORDER BY s.version
            """);
        Assert.Equal(["1:initial", "2:full"], versions);
        Assert.Equal("age", await db.ScalarAsync<string>("""
            SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id
            WHERE e.ref = 'event-type:examples:Customer' ORDER BY f.ordinal DESC LIMIT 1
            """));
    }

    [Fact]
    public async Task The_maven_User_pair_lands_2018_as_a_forward_only_version_and_bad_schemas_as_errors()
    {
        await HarvestAsync(AvroTestHarvest.File("evolution", "apache-avro-maven-plugin-User"));
        await HarvestAsync(AvroTestHarvest.File("apache-avro", "c-schema-tests", "fail"));

        Assert.Equal("forward", await db.ScalarAsync<string>("""
            SELECT s.compatibility FROM schema_versions s JOIN entities e ON e.id = s.entity_id
            WHERE e.ref = 'event-type:test:SchemaUser' AND s.version = 2
            """));
        Assert.Equal(12L, await db.ScalarAsync<long>("SELECT count(DISTINCT location) FROM harvest_errors WHERE harvester = 'avro' AND location LIKE '%/c-schema-tests/fail/%'"));
        Assert.Equal("$.fields[1].type.items", await db.ScalarAsync<string>("SELECT position FROM harvest_errors WHERE location LIKE '%record_with_invalid_reference.avsc'"));
    }
}
