using Catalog.Storage.Migrations;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Storage.Tests.Migrations;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_creates_the_core_tables()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync("empty"));
        var report = await Migrator(dataSource).MigrateAsync();

        Assert.Equal(MigrationSource.Embedded().Select(m => m.FileName), report.Applied);
        foreach (var table in new[] { "entities", "dataset_fields", "lineage_edges", "runs", "audit_events", "raw_inputs" })
            Assert.True(await TableExistsAsync(dataSource, table), $"table {table} should exist");
    }

    [Fact]
    public async Task Running_the_migrator_again_applies_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync("rerun"));
        await Migrator(dataSource).MigrateAsync();

        var second = await Migrator(dataSource).MigrateAsync();

        Assert.Empty(second.Applied);
        Assert.Equal(MigrationSource.Embedded().Count, second.Total);
    }

    [Fact]
    public async Task Two_concurrent_migrators_apply_each_migration_exactly_once()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync("concurrent");
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);

        var reports = await Task.WhenAll(Migrator(first).MigrateAsync(), Migrator(second).MigrateAsync());

        Assert.Equal(MigrationSource.Embedded().Count, reports.Sum(r => r.Applied.Count));
        await using var count = first.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)MigrationSource.Embedded().Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_changed_applied_migration_stops_the_migrator_with_the_file_name()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync("changed"));
        var migrations = MigrationSource.Embedded();
        await Migrator(dataSource).MigrateAsync(migrations);
        var tampered = migrations.Select((m, i) => i == 0 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(dataSource).MigrateAsync(tampered));

        Assert.Contains(migrations[0].FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("forward-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_behind()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync("failing"));
        var broken = new Migration(9999, "broken", "CREATE TABLE half_done (id int); SELECT no_such_function();");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(dataSource).MigrateAsync([.. MigrationSource.Embedded(), broken]));

        Assert.Contains("9999_broken.sql", error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync(dataSource, "half_done"));
        Assert.True(await TableExistsAsync(dataSource, "entities"));
    }

    private static DatabaseMigrator Migrator(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<DatabaseMigrator>.Instance);

    private static async Task<bool> TableExistsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.AddWithValue(table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
