using Catalog.Generator;
using Npgsql;

namespace Catalog.Indexer.Tests.Scale;

/// <summary>The generated small catalog: its size, its shape (hubs, acyclic lineage) and its integrity.</summary>
public sealed class CatalogGeneratorTests(GeneratedCatalog catalog) : IClassFixture<GeneratedCatalog>
{
    private static readonly GeneratorProfile Small = GeneratorProfile.Small;

    [Fact]
    public void The_generate_command_succeeds_and_prints_rows_per_stage()
    {
        Assert.True(catalog.ExitCode == 0, catalog.Output);
        Assert.Contains("columns", catalog.Output, StringComparison.Ordinal);
        Assert.Contains("10,000", catalog.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entity_counts_per_kind_match_the_profile()
    {
        Assert.Equal(Small.Teams, await catalog.CountAsync("SELECT count(*) FROM entities WHERE kind = 'group'"));
        Assert.Equal(Small.Users, await catalog.CountAsync("SELECT count(*) FROM entities WHERE kind = 'user'"));
        Assert.Equal(Small.EventTypes, await catalog.CountAsync("SELECT count(*) FROM entities WHERE kind = 'event-type'"));
        Assert.Equal(Small.Workflows, await catalog.CountAsync("SELECT count(*) FROM entities e JOIN jobs j ON j.entity_id = e.id"));
        Assert.Equal(Small.Endpoints, await catalog.CountAsync("SELECT count(*) FROM entities e JOIN datasets d ON d.entity_id = e.id"));
        Assert.Equal(Small.Columns, await catalog.CountAsync("SELECT count(*) FROM dataset_fields"));
    }

    [Fact]
    public async Task Workflows_are_hourly_or_daily_and_have_runs_for_every_slot()
    {
        Assert.Equal(0, await catalog.CountAsync("SELECT count(*) FROM jobs WHERE schedule_kind NOT IN ('hourly', 'daily')"));
        Assert.True(await catalog.CountAsync("SELECT count(*) FROM jobs WHERE schedule_kind = 'hourly'") > 0);
        var expectedRuns = Enumerable.Range(0, Small.Workflows).Sum(w => GeneratedCatalog.Shape.RunsPerWorkflow(w));
        Assert.Equal(expectedRuns, await catalog.CountAsync("SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task Partitioned_endpoints_have_a_partition_for_every_day_of_the_window()
    {
        var daysCovered = await catalog.CountAsync("""
            SELECT min(days) FROM (
                SELECT count(DISTINCT left(partition_key, 10)) AS days FROM partitions GROUP BY dataset_id) x
            """);
        Assert.Equal(Small.PartitionDays, daysCovered);
        Assert.Equal(0, await catalog.CountAsync("""
            SELECT count(*) FROM partitions p JOIN datasets d ON d.entity_id = p.dataset_id WHERE d.partitioning <> p.granularity
            """));
    }

    [Fact]
    public async Task The_hubs_are_the_most_read_endpoints()
    {
        var mostRead = await catalog.CountAsync("""
            SELECT count(*) FROM (
                SELECT e.tags FROM lineage_edges l JOIN entities e ON e.id = l.from_id
                WHERE l.edge_kind = 'reads' GROUP BY e.id, e.tags ORDER BY count(*) DESC LIMIT 2) top
            WHERE 'hub' = ANY (top.tags)
            """);
        Assert.Equal(Small.Hubs, mostRead);
    }

    [Fact]
    public async Task Every_column_belongs_to_a_dataset_and_every_edge_to_existing_entities()
    {
        // The load skips triggers (foreign keys included) for speed: these are the checks the constraints would make.
        Assert.Equal(0, await catalog.CountAsync("SELECT count(*) FROM dataset_fields f LEFT JOIN datasets d ON d.entity_id = f.entity_id WHERE d.entity_id IS NULL"));
        Assert.Equal(0, await catalog.CountAsync("""
            SELECT count(*) FROM lineage_edges l
            LEFT JOIN entities a ON a.id = l.from_id LEFT JOIN entities b ON b.id = l.to_id WHERE a.id IS NULL OR b.id IS NULL
            """));
        Assert.Equal(0, await catalog.CountAsync("""
            SELECT count(*) FROM column_lineage_edges c
            LEFT JOIN dataset_fields f ON f.entity_id = c.from_dataset_id AND f.name = c.from_field
            LEFT JOIN dataset_fields t ON t.entity_id = c.to_dataset_id AND t.name = c.to_field
            WHERE f.name IS NULL OR t.name IS NULL
            """));
        Assert.Equal(0, await catalog.CountAsync("SELECT count(*) FROM entities WHERE owner_ref IS NOT NULL AND owner_ref NOT IN (SELECT ref FROM entities WHERE kind = 'group')"));
    }

    [Fact]
    public async Task Reads_go_to_workflows_and_writes_come_from_workflows_without_cycles()
    {
        Assert.Equal(0, await catalog.CountAsync("""
            SELECT count(*) FROM lineage_edges l JOIN entities f ON f.id = l.from_id JOIN entities t ON t.id = l.to_id
            WHERE NOT (l.edge_kind = 'reads' AND f.kind = 'dataset' AND t.kind = 'job' OR l.edge_kind = 'writes' AND f.kind = 'job' AND t.kind = 'dataset')
            """));
        // Generated entities are written in order: every dataset a workflow writes comes after every dataset it reads.
        Assert.Equal(0, await catalog.CountAsync("""
            SELECT count(*) FROM lineage_edges r JOIN lineage_edges w ON w.from_id = r.to_id AND w.edge_kind = 'writes'
            WHERE r.edge_kind = 'reads' AND r.from_id >= w.to_id
            """));
    }

    [Fact]
    public async Task Policies_and_classifications_are_present()
    {
        Assert.True(await catalog.CountAsync("SELECT count(*) FROM retention_policies WHERE scope = 'entity'") > 0);
        Assert.Equal(1, await catalog.CountAsync("SELECT count(*) FROM retention_policies WHERE scope = 'classification' AND updated_by = 'generator'"));
        Assert.Equal(0, await catalog.CountAsync("""
            SELECT count(*) FROM retention_policies r JOIN entities e ON e.id = r.entity_id
            JOIN retention_policies cap ON cap.scope = 'classification' AND cap.classification = e.classification
            WHERE r.scope = 'entity' AND r.value > cap.max_days
            """));
        Assert.Equal(await catalog.CountAsync("SELECT count(*) FROM entities WHERE visibility = 'restricted'"),
            await catalog.CountAsync("SELECT count(DISTINCT entity_id) FROM access_grants"));
        Assert.True(await catalog.CountAsync("SELECT count(*) FROM dataset_fields WHERE classification = 'pii'") > 0);
    }

    [Fact]
    public async Task Every_active_entity_has_a_search_document()
    {
        Assert.Equal(await catalog.CountAsync("SELECT count(*) FROM entities WHERE lifecycle IN ('active', 'deprecated')"),
            await catalog.CountAsync("SELECT count(*) FROM search_documents"));
        Assert.True(await catalog.CountAsync("SELECT count(*) FROM search_documents WHERE popularity > 0") > 0);
    }

    [Fact]
    public async Task Generating_again_into_the_same_database_is_refused_and_changes_nothing()
    {
        var before = await catalog.CountAsync("SELECT count(*) FROM entities");

        var (exitCode, output) = await GeneratedCatalog.RunIndexerAsync(catalog.ConnectionString, "generate", "--profile", "small", "--seed", "7");

        Assert.Equal(2, exitCode);
        Assert.Contains("already holds a generated catalog", output, StringComparison.Ordinal);
        Assert.Equal(before, await catalog.CountAsync("SELECT count(*) FROM entities"));
    }

    [Fact]
    public async Task The_same_seed_generates_the_same_catalog_and_another_seed_a_different_one()
    {
        var again = await GenerateAsync(42);
        var other = await GenerateAsync(7);

        var original = await FingerprintAsync(catalog.ConnectionString);
        Assert.Equal(original, await FingerprintAsync(again));
        Assert.NotEqual(original, await FingerprintAsync(other));
    }

    private static async Task<string> GenerateAsync(int seed)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync($"generated{seed}");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new CatalogGenerator(dataSource).GenerateAsync(new CatalogShape(Small, seed), SearchIndexing.Rebuild, new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc), null, CancellationToken.None);
        return connectionString;
    }

    // Refs, columns and lineage by ref (ids differ between databases only if something else inserted first).
    private static async Task<string> FingerprintAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
                SELECT e.ref || ':' || e.owner_ref || ':' || e.classification AS x FROM entities e
                UNION ALL SELECT e.ref || '.' || f.name || ':' || f.data_type FROM dataset_fields f JOIN entities e ON e.id = f.entity_id
                UNION ALL SELECT a.ref || '>' || l.edge_kind || '>' || b.ref FROM lineage_edges l JOIN entities a ON a.id = l.from_id JOIN entities b ON b.id = l.to_id
                UNION ALL SELECT a.ref || '.' || c.from_field || '>' || b.ref || '.' || c.to_field FROM column_lineage_edges c
                    JOIN entities a ON a.id = c.from_dataset_id JOIN entities b ON b.id = c.to_dataset_id) all_rows
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
