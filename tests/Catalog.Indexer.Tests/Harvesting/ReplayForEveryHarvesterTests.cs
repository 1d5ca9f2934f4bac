using Catalog.Harvesting;
using Catalog.Indexer.Tests.Descriptors;
using Catalog.Plugins.Avro;
using Catalog.Plugins.Avro.Harvesting;
using Catalog.Plugins.Dbt;
using Catalog.Plugins.GreatExpectations;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.PostgresIntrospection;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// `catalog-indexer replay --failed` for every harvester: a real corpus file is stored as a failed raw input (as a
/// crashed or buggy harvest leaves it) and the replay alone must land what the file implies.
/// </summary>
public sealed class ReplayForEveryHarvesterTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static readonly IHarvester[] Harvesters =
    [
        new DbtHarvester(Options.Create(new DbtOptions())),
        new AvroHarvester(Options.Create(new AvroOptions())),
        new GreatExpectationsHarvester(Options.Create(new GreatExpectationsOptions())),
        DescriptorHarvest.CreateHarvester(),
        new PostgresHarvester(Options.Create(new PostgresIntrospectionOptions())),
    ];

    private async Task<HarvestRunSummary> ReplayStoredAsync(string harvester, string location, byte[] payload, string mediaType, string mode = "full")
    {
        long id;
        await using (var store = db.DataSource.CreateCommand("""
            INSERT INTO raw_inputs (harvester, location, media_type, content_hash, payload, status, error, mode)
            VALUES ($1, $2, $3, 'stale', $4, 'failed', 'the harvester crashed', $5) RETURNING id
            """))
        {
            store.Parameters.AddWithValue(harvester);
            store.Parameters.AddWithValue(location);
            store.Parameters.AddWithValue(mediaType);
            store.Parameters.AddWithValue(payload);
            store.Parameters.AddWithValue(mode);
            id = (long)(await store.ExecuteScalarAsync())!;
        }
        var replayer = new RawInputReplayer(db.DataSource, db.Engine(), Harvesters);
        var summary = await replayer.ReplayAsync(await replayer.FindAsync(id, failedOnly: true, 10, CancellationToken.None), null, CancellationToken.None);
        Assert.True(summary.ErrorCount == 0, string.Join("\n", summary.Errors));
        Assert.Equal((1, 0), (summary.InputsSeen, summary.InputsFailed));
        Assert.StartsWith("replayed as raw input", await db.ScalarAsync<string>("SELECT error FROM raw_inputs WHERE id = $1", id), StringComparison.Ordinal);
        Assert.Equal("processed", await db.ScalarAsync<string>(
            "SELECT status FROM harvest_inputs WHERE harvester = $1 AND location = $2", harvester, location));
        return summary;
    }

    private static Task<byte[]> CorpusBytes(params string[] parts) => File.ReadAllBytesAsync(Corpus.Path(parts));

    [Fact]
    public async Task A_failed_dbt_manifest_is_replayed_into_models_and_lineage()
    {
        var path = Corpus.Path("dbt", "openlineage-dbt-tests", "test", "target", "manifest.json");
        await ReplayStoredAsync("dbt", path, await File.ReadAllBytesAsync(path), "application/json");

        var reads = await db.ColumnAsync("""
            SELECT f.ref FROM lineage_edges l JOIN entities f ON f.id = l.from_id JOIN entities t ON t.id = l.to_id
            WHERE t.ref = 'job:dbt:dbt_bigquery_test.test_third_dbt_model' AND l.edge_kind = 'reads'
            """);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task A_failed_avro_schema_is_replayed_into_an_event_type_with_its_first_version()
    {
        var path = Corpus.Path("avro", "evolution", "confluent-vscode-customer", "customer.avsc");
        await ReplayStoredAsync("avro", path, await File.ReadAllBytesAsync(path), "application/json");

        Assert.Equal(["1:initial"], await db.ColumnAsync("""
            SELECT s.version || ':' || s.compatibility FROM schema_versions s JOIN entities e ON e.id = s.entity_id
            WHERE e.ref = 'event-type:examples:Customer'
            """));
    }

    [Fact]
    public async Task A_failed_great_expectations_result_is_replayed_into_errored_quality_results()
    {
        var path = Corpus.Path("great_expectations", "validation-results", "great_expectations-repo", "titanic_expected_data_asset_validate_results_with_exceptions.json");
        await ReplayStoredAsync("great_expectations", path, await File.ReadAllBytesAsync(path), "application/json");

        Assert.Equal(4L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM quality_results q JOIN entities e ON e.id = q.dataset_id
            WHERE e.ref = 'dataset:great_expectations:titanic' AND q.status = 'errored'
            """));
    }

    [Fact]
    public async Task A_failed_descriptor_file_is_replayed_into_its_component_owned_by_its_group()
    {
        await ReplayStoredAsync("descriptors", "components/podcast-api-component.yaml",
            await CorpusBytes("backstage", "backstage-catalog-model-examples", "components", "podcast-api-component.yaml"), "application/yaml");

        Assert.Equal("group:default:team-b", await db.ScalarAsync<string>("SELECT owner_ref FROM entities WHERE ref = 'component:default:podcast-api'"));
        Assert.Equal("components/podcast-api-component.yaml", await db.ScalarAsync<string>(
            "SELECT source_location FROM entities WHERE ref = 'component:default:podcast-api'"));
    }

    [Fact]
    public async Task A_stored_postgres_snapshot_is_replayed_without_connecting_to_the_database()
    {
        var live = await PostgresServer.CreateDatabaseAsync("replaysrc");
        await using (var source = Npgsql.NpgsqlDataSource.Create(live))
        await using (var create = source.CreateCommand("CREATE SCHEMA shop; CREATE TABLE shop.orders (id int PRIMARY KEY, total numeric); COMMENT ON TABLE shop.orders IS 'one row per order';"))
            await create.ExecuteNonQueryAsync();
        var runner = new HarvestRunner([Harvesters[4]], db.Engine(), NullLogger<HarvestRunner>.Instance);
        await runner.RunAsync("postgres", live);
        var (location, payload) = await SnapshotAsync();
        await using (var wipe = db.DataSource.CreateCommand("DELETE FROM entities WHERE source_location = @location; DELETE FROM harvest_inputs WHERE location = @location"))
        {
            wipe.Parameters.AddWithValue("location", location);
            await wipe.ExecuteNonQueryAsync();
        }

        await ReplayStoredAsync("postgres", location, payload, PostgresHarvester.MediaType);

        Assert.Equal("one row per order", await db.ScalarAsync<string>(
            "SELECT description FROM entities WHERE kind = 'dataset' AND name LIKE '%shop.orders' AND source_location = $1", location));
    }

    private async Task<(string Location, byte[] Payload)> SnapshotAsync()
    {
        await using var command = db.DataSource.CreateCommand("SELECT location, payload FROM raw_inputs WHERE harvester = 'postgres' ORDER BY id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), (byte[])reader[1]);
    }
}
