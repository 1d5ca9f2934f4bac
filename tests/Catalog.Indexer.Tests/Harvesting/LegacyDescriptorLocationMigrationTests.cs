using Catalog.Storage.Migrations;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// Migration 0160 on a database that already has harvest bookkeeping: descriptor rows remembered under a path from
/// the harvest root (which two folders shared) are forgotten; everything else is left as it was.
/// </summary>
public sealed class LegacyDescriptorLocationMigrationTests
{
    [Fact]
    public async Task Relative_descriptor_locations_are_forgotten_and_other_rows_are_kept()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateEmptyDatabaseAsync("legacy-locations"));
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        var all = MigrationSource.Embedded();
        await migrator.MigrateAsync([.. all.Where(m => m.Number < 160)]);
        await using (var seed = dataSource.CreateCommand("""
            INSERT INTO harvest_inputs (harvester, location, content_hash, target, seen_at) VALUES
                ('descriptors', 'catalog-info.yaml', 'h1', '/srv/a', now()),
                ('descriptors', 'components/x.yaml', 'h2', '/srv/b', now()),
                ('descriptors', '/srv/a/second.yaml', 'h3', '/srv/a', now()),
                ('postgres', 'default/app', 'h4', 'Host=db', now()),
                ('dbt', '/srv/dbt/target/manifest.json', 'h5', '/srv/dbt', now())
            """))
            await seed.ExecuteNonQueryAsync();

        await migrator.MigrateAsync(all);

        await using var command = dataSource.CreateCommand("SELECT harvester || ' ' || location FROM harvest_inputs ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        var left = new List<string>();
        while (await reader.ReadAsync()) left.Add(reader.GetString(0));
        Assert.Equal(["dbt /srv/dbt/target/manifest.json", "descriptors /srv/a/second.yaml", "postgres default/app"], left);
    }
}
