using Catalog.Storage.Embedded;
using Catalog.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Testing;

/// <summary>
/// A real PostgreSQL for tests. By default each test process starts its own throwaway cluster (the same embedded
/// tooling the portal uses, with fsync off) and removes it at exit. Set <c>CATALOG_TEST_POSTGRES</c> to a
/// superuser connection string to use an existing server instead. Every test class gets its own database,
/// cloned from a template that is migrated once per process, so tests never see each other's data.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<Server>> Instance = new(StartAsync);
    private static int databaseCounter;

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? hint = null)
    {
        var server = await Instance.Value;
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}_{Sanitize(hint)}";
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{server.TemplateDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A new database with no migrations applied (for migrator tests).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string? hint = null)
    {
        var server = await Instance.Value;
        var name = $"e{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}_{Sanitize(hint)}";
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static string Sanitize(string? hint) =>
        new string((hint ?? "db").ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());

    private static async Task<Server> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("CATALOG_TEST_POSTGRES");
        string admin;
        if (!string.IsNullOrWhiteSpace(external))
        {
            admin = external;
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), $"catalog-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = directory, Ephemeral = true, Database = "postgres" });
            admin = await cluster.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                cluster.StopAsync().GetAwaiter().GetResult();
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
        }
        var template = $"template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var templateConnection = new NpgsqlConnectionStringBuilder(admin) { Database = template, Pooling = false }.ConnectionString;
        await using (var dataSource = NpgsqlDataSource.Create(templateConnection))
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        return new Server(admin, template);
    }

    private sealed record Server(string AdminConnectionString, string TemplateDatabase);
}
