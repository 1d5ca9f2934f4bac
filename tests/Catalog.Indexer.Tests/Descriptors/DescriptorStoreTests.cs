using Catalog.Harvesting;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>Descriptors harvested into real PostgreSQL through Catalog.Harvesting: what the tables hold afterwards.</summary>
public sealed class DescriptorStoreTests(DescriptorStoreFixture store) : IClassFixture<DescriptorStoreFixture>
{
    private Harvesting.HarvestDatabase Db => store.Db;

    [Fact]
    public async Task The_example_catalog_lands_with_its_known_problems_recorded_per_file_and_line()
    {
        Assert.Equal(HarvestRunStatus.Partial, store.Examples.Status);
        Assert.Equal(5, store.Examples.ErrorCount);
        Assert.Equal(["line 11, column 7", "line 4, column 9"], await Db.ColumnAsync(
            "SELECT position FROM harvest_errors WHERE run_id = $1 AND location = 'components/invalid-component.yaml' ORDER BY position", store.Examples.RunId));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE name LIKE 'invalid%'"));
    }

    [Fact]
    public async Task Groups_users_and_components_are_stored_with_owners_and_relations()
    {
        Assert.Equal("group:default:team-a", await Db.ScalarAsync<string>("SELECT owner_ref FROM entities WHERE ref = 'component:default:artist-lookup'"));
        Assert.Equal("ACME Corp", await Db.ScalarAsync<string>("SELECT title FROM entities WHERE ref = 'group:default:acme-corp'"));
        Assert.Equal(["group:default:backstage", "group:default:boxoffice"], await Db.ColumnAsync("""
            SELECT t.ref FROM entity_relations r JOIN entities f ON f.id = r.from_id JOIN entities t ON t.id = r.to_id
            WHERE f.ref = 'group:default:infrastructure' AND r.relation = 'parentOf' ORDER BY t.ref
            """));
        Assert.Equal(["group:default:team-a"], await Db.ColumnAsync("""
            SELECT t.ref FROM entity_relations r JOIN entities f ON f.id = r.from_id JOIN entities t ON t.id = r.to_id
            WHERE f.ref = 'user:development:guest' AND r.relation = 'memberOf'
            """));
    }

    [Fact]
    public async Task The_sample_catalog_lands_without_errors()
    {
        Assert.Equal(HarvestRunStatus.Succeeded, store.Sample.Status);
        Assert.Equal(39L, await Db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE kind = 'dataset' AND namespace <> 'default'"));
        Assert.Equal(25L, await Db.ScalarAsync<long>("SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task Dataset_schema_partitioning_and_pii_columns_are_stored()
    {
        const string plays = "dataset:bigquery:tunewave-prod.listening.plays";
        Assert.Equal("hourly", await Db.ScalarAsync<string>("SELECT d.partitioning FROM datasets d JOIN entities e ON e.id = d.entity_id WHERE e.ref = $1", plays));
        Assert.Equal("pii", await Db.ScalarAsync<string>("SELECT classification FROM entities WHERE ref = $1", plays));
        Assert.Equal(["ip_address", "user_id"], await Db.ColumnAsync(
            "SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = $1 AND f.classification = 'pii' ORDER BY f.name", plays));
        // Nested record fields follow their parent, flattened to dotted names.
        Assert.Equal(["event_id", "user_id", "track_id", "played_at", "ms_played", "context", "device", "device.os", "device.app_version", "ip_address", "country"],
            await Db.ColumnAsync("SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = $1 ORDER BY f.ordinal", plays));
    }

    [Fact]
    public async Task Declared_retention_and_access_are_stored_with_origin_descriptor()
    {
        Assert.Equal(["keep_days 400 descriptor"], await Db.ColumnAsync("""
            SELECT p.mode || ' ' || p.value || ' ' || p.origin FROM retention_policies p JOIN entities e ON e.id = p.entity_id
            WHERE e.ref = 'dataset:bigquery:tunewave-prod.listening.plays'
            """));
        Assert.Equal(["group:default:finance-data read", "group:default:finance-data write"], await Db.ColumnAsync("""
            SELECT g.principal_ref || ' ' || g.permission FROM access_grants g JOIN entities e ON e.id = g.entity_id
            WHERE e.ref = 'dataset:bigquery:tunewave-prod.finance.payments' AND g.origin = 'descriptor' ORDER BY 1
            """));
    }

    [Fact]
    public async Task Workflow_schedule_and_lineage_are_stored()
    {
        Assert.Equal("daily 30 6 * * * Europe/Stockholm 630", await Db.ScalarAsync<string>("""
            SELECT j.schedule_kind || ' ' || j.cron || ' ' || j.time_zone || ' ' || j.deadline_minutes
            FROM jobs j JOIN entities e ON e.id = j.entity_id WHERE e.ref = 'job:tunewave-analytics:kpi_daily'
            """));
        Assert.Equal(6L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM lineage_edges l JOIN entities f ON f.id = l.from_id
            WHERE f.ref = 'dataset:bigquery:tunewave-prod.listening.plays' AND l.edge_kind = 'reads'
            """));
        Assert.Equal(["ms_played"], await Db.ColumnAsync("""
            SELECT c.from_field FROM column_lineage_edges c JOIN entities t ON t.id = c.to_dataset_id
            WHERE t.ref = 'dataset:bigquery:tunewave-prod.listening.daily_user_listening' AND c.to_field = 'minutes_played'
            """));
    }

    [Fact]
    public async Task A_second_harvest_of_unchanged_files_skips_every_file()
    {
        var again = await store.Runner.RunAsync("descriptors", SampleCatalogDescriptorTests.SampleRoot);

        Assert.Equal(again.InputsSeen, again.InputsSkipped);
        Assert.Equal(0, again.ItemsApplied);
    }
}
