using System.Diagnostics;
using Catalog.Plugins.Search;
using Catalog.Plugins.Search.Postgres;
using Catalog.Storage.Embedded;
using Catalog.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Benchmarks.Search;

/// <summary>
/// The benchmark's database, generated once and kept (BenchmarkDotNet runs each case in its own process):
/// <c>CATALOG_BENCH_POSTGRES</c> (a superuser connection string) or a persistent embedded cluster in the temp folder.
/// Loading runs with the search triggers off, then the index is built with the engine's rebuild path and timed.
/// </summary>
public static class SearchBenchmarkDatabase
{
    public const string DatabaseName = "catalog_search_bench";

    public static int Entities => int.TryParse(Environment.GetEnvironmentVariable("CATALOG_BENCH_ENTITIES"), out var n) ? n : 1_000_000;

    public static async Task<NpgsqlDataSource> OpenAsync()
    {
        var admin = Environment.GetEnvironmentVariable("CATALOG_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
            admin = await new EmbeddedPostgres(new EmbeddedPostgresOptions
            {
                DataDirectory = Path.Combine(Path.GetTempPath(), "catalog-search-bench"), Database = "postgres", Ephemeral = true,
            }).StartAsync();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{DatabaseName}'", connection);
            if (await exists.ExecuteScalarAsync() is null)
                await new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection).ExecuteNonQueryAsync();
        }
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName, CommandTimeout = 0 }.ConnectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM entities");
        if ((long)(await count.ExecuteScalarAsync())! < Entities) await GenerateAsync(dataSource);
        await using var documents = dataSource.CreateCommand("SELECT count(*) FROM search_documents");
        if ((long)(await documents.ExecuteScalarAsync())! < Entities * 9 / 10) await BuildIndexAsync(dataSource);
        return dataSource;
    }

    private static async Task GenerateAsync(NpgsqlDataSource dataSource)
    {
        var progress = new Progress<string>(m => Console.WriteLine($"[search-bench] {m}"));
        await Execute(dataSource, "TRUNCATE entities CASCADE; TRUNCATE search_words");
        await Execute(dataSource, "ALTER TABLE entities DISABLE TRIGGER USER; ALTER TABLE dataset_fields DISABLE TRIGGER USER; ALTER TABLE lineage_edges DISABLE TRIGGER USER");
        var load = await new SearchCatalogGenerator(Entities).LoadAsync(dataSource, progress);
        await Execute(dataSource, "ALTER TABLE entities ENABLE TRIGGER USER; ALTER TABLE dataset_fields ENABLE TRIGGER USER; ALTER TABLE lineage_edges ENABLE TRIGGER USER");
        Console.WriteLine($"[search-bench] loaded {Entities:N0} entities with COPY in {load.TotalSeconds:F1} s");
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "catalog-search-bench-load.txt"), $"entities={Entities} copy_s={load.TotalSeconds:F1}\n");
    }

    private static async Task BuildIndexAsync(NpgsqlDataSource dataSource)
    {
        var engine = new PostgresSearchEngine(dataSource, Options.Create(new SearchOptions()), new SearchDocumentWriter(dataSource, []));
        var report = await engine.RebuildAsync(new Progress<double>(p => Console.Write($"\r[search-bench] index build {p:P0}   ")), CancellationToken.None);
        foreach (var table in new[] { "search_documents", "search_words", "entities", "dataset_fields", "lineage_edges" })
            await Execute(dataSource, $"VACUUM ANALYZE {table}");
        Console.WriteLine($"\n[search-bench] index build: {report.Documents:N0} documents in {report.Elapsed.TotalSeconds:F1} s");

        // The harvest path: one statement inserting 1,000 entities and their 5,000 columns, triggers on.
        var clock = Stopwatch.StartNew();
        await Execute(dataSource, """
            WITH e AS (INSERT INTO entities (kind, namespace, name, description) SELECT 'dataset', 'incremental', 'inc.table_' || g, 'incremental harvest batch' FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING RETURNING id)
            SELECT count(*) FROM e;
            INSERT INTO dataset_fields (entity_id, ordinal, name) SELECT id, c, 'col_' || c FROM entities, generate_series(1, 5) c WHERE namespace = 'incremental' ON CONFLICT DO NOTHING;
            """);
        Console.WriteLine($"[search-bench] trigger path: 1,000 entities + 5,000 columns indexed in the harvest transaction in {clock.Elapsed.TotalMilliseconds:F0} ms");
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "catalog-search-bench.txt"),
            $"entities={Entities} index_build_s={report.Elapsed.TotalSeconds:F1} documents={report.Documents} trigger_1000_ms={clock.Elapsed.TotalMilliseconds:F0}\n");
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
