using Catalog.Storage.Migrations;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Storage.Tests.Migrations;

/// <summary>
/// Migrations 0050 (home page counts) and 0510 (health baseline) arrive on databases that already hold a catalog:
/// applied after every other migration and after data was written, they start from what is there.
/// </summary>
public sealed class MigrationsOnExistingDataTests
{
    // 0521 redefines 0050's compaction function, so it arrives with it (in order, after it), as on a real upgrade.
    private static readonly string[] Arriving = ["0050", "0510", "0521"];

    [Fact]
    public async Task The_counts_migration_starts_from_the_rows_already_there_and_the_health_monitor_keeps_its_history()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync("existing-data"));
        var all = MigrationSource.Embedded();
        await Migrator(dataSource).MigrateAsync([.. all.Where(m => !Arriving.Any(a => m.FileName.StartsWith(a, StringComparison.Ordinal)))]);
        await ExecuteAsync(dataSource, """
            INSERT INTO entities (kind, namespace, name, lifecycle)
            SELECT (ARRAY['dataset', 'job', 'group'])[1 + i % 3], 'n', 'e' || i, (ARRAY['active', 'deprecated', 'removed'])[1 + i % 5 % 3]
            FROM generate_series(1, 500) i;
            INSERT INTO lineage_edges (from_id, to_id, edge_kind, removed_at)
            SELECT a.id, b.id, 'reads', CASE WHEN a.id % 4 = 0 THEN now() END FROM entities a JOIN entities b ON b.id = a.id + 1;
            INSERT INTO runs (id, job_id, state, started_at)
            SELECT gen_random_uuid(), id, CASE WHEN id % 2 = 0 THEN 'failed' ELSE 'completed' END, now() - (id % 30) * interval '1 hour'
            FROM entities WHERE kind = 'job';
            INSERT INTO health_problem_states (entity_id, kind, subject, summary, since)
            SELECT id, 'run_failed', 'r', 'failed', now() FROM entities WHERE kind = 'job' LIMIT 1;
            """);

        var report = await Migrator(dataSource).MigrateAsync();

        Assert.Equal(Arriving.Length, report.Applied.Count);
        Assert.True(await ScalarAsync<bool>(dataSource, """
            SELECT (SELECT array_agg(x ORDER BY x) FROM (SELECT kind || lifecycle || sum(n) AS x FROM entity_count_deltas GROUP BY kind, lifecycle) a)
                 = (SELECT array_agg(x ORDER BY x) FROM (SELECT kind || lifecycle || count(*) AS x FROM entities GROUP BY kind, lifecycle) b)
            """));
        Assert.Equal(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM lineage_edges WHERE removed_at IS NULL"),
            await ScalarAsync<long>(dataSource, "SELECT sum(n)::bigint FROM edge_count_deltas WHERE edges = 'lineage'"));
        Assert.Equal(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM runs WHERE started_at >= date_trunc('hour', now() - interval '1 day')"),
            await ScalarAsync<long>(dataSource, "SELECT sum(n)::bigint FROM run_hour_deltas WHERE hour >= date_trunc('hour', (now() - interval '1 day') AT TIME ZONE 'UTC')"));
        // The monitor had remembered a problem, so it had run: its next check is not a baseline that swallows changes.
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM health_monitor_state"));
    }

    private static DatabaseMigrator Migrator(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<DatabaseMigrator>.Instance);

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
