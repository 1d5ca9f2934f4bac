using Catalog.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// Migration 0600 on a catalog that harvested before targets were redacted: the password leaves every row it had been
/// copied into (run, errors, raw input, remembered input, what the input claimed); what names the database stays.
/// </summary>
public sealed class SecretScrubMigrationTests
{
    [Fact]
    public async Task Rows_written_before_redaction_lose_their_passwords_and_keep_host_port_database_and_user()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync("secret-scrub");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        var all = MigrationSource.Embedded();
        await migrator.MigrateAsync([.. all.Where(m => m.Number < 600)]);
        const string password = "oldsecret42";
        const string target = "Host=db.internal;Port=5432;Database=shop;Username=reader;Password=" + password;
        const string uri = "postgres://reader:" + password + "@db.internal:5432/shop";
        await using (var seed = dataSource.CreateCommand($"""
            INSERT INTO harvest_runs (id, harvester, target, status) VALUES ('0190b0e0-0000-7000-8000-000000000001', 'postgres', '{target}', 'failed');
            INSERT INTO raw_inputs (run_id, harvester, location, media_type, content_hash, payload, status, error)
            VALUES ('0190b0e0-0000-7000-8000-000000000001', 'postgres', '{uri}', 'application/json', 'h', '\x7b7d', 'failed', 'could not open {target}');
            INSERT INTO harvest_errors (run_id, harvester, location, position, reason)
            VALUES ('0190b0e0-0000-7000-8000-000000000001', 'postgres', '{target}', NULL, 'the harvester stopped: {uri}');
            INSERT INTO harvest_inputs (harvester, location, content_hash, target, seen_at) VALUES ('postgres', '{uri}', 'h', '{target}', now());
            INSERT INTO entities (kind, namespace, name, source_location) VALUES ('resource', 'postgres', 'shop', '{uri}');
            """))
            await seed.ExecuteNonQueryAsync();

        await migrator.MigrateAsync(all);

        Assert.Empty(await CatalogDatabaseScan.FindAsync(connectionString, password));
        await using var command = dataSource.CreateCommand("""
            SELECT r.target, e.location, e.reason, i.location, i.error, h.location, h.target, n.source_location
            FROM harvest_runs r, harvest_errors e, raw_inputs i, harvest_inputs h, entities n WHERE n.ref = 'resource:postgres:shop'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        const string redactedTarget = "Host=db.internal;Port=5432;Database=shop;Username=reader;Password=***";
        const string redactedUri = "postgres://reader:***@db.internal:5432/shop";
        Assert.Equal(
            [redactedTarget, redactedTarget, $"the harvester stopped: {redactedUri}", redactedUri, $"could not open {redactedTarget}", redactedUri, redactedTarget, redactedUri],
            Enumerable.Range(0, 8).Select(reader.GetString).ToArray());
    }
}
