using System.Diagnostics;
using Catalog.Testing;
using Npgsql;

namespace Catalog.Indexer.Tests.PostgresIntrospection;

/// <summary>
/// pagila and Northwind loaded from ../shared/corpus/postgres into databases of the test cluster with psql, once per
/// test process, then analyzed (as a DBA would) so pg_class.reltuples holds real estimates.
/// </summary>
public static class SampleDatabases
{
    private static readonly Lazy<Task<string>> PagilaDatabase = new(() => LoadAsync("pagila", Corpus.Path("postgres", "pagila", "pagila-schema.sql"), Corpus.Path("postgres", "pagila", "pagila-data.sql")));
    private static readonly Lazy<Task<string>> NorthwindDatabase = new(() => LoadAsync("northwind", Corpus.Path("postgres", "northwind", "northwind.sql")));

    public static Task<string> PagilaAsync() => PagilaDatabase.Value;

    public static Task<string> NorthwindAsync() => NorthwindDatabase.Value;

    private static async Task<string> LoadAsync(string hint, params string[] files)
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync(hint);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // pg_dump output assigns ownership to the role "postgres"; the test cluster's superuser has another name.
            await using var role = new NpgsqlCommand("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'postgres') THEN CREATE ROLE postgres; END IF; END $$", connection);
            await role.ExecuteNonQueryAsync();
        }
        foreach (var file in files) await PsqlAsync(connectionString, file);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // VACUUM too: otherwise autovacuum later adds visibility-map forks and the sizes (and the snapshot) change between harvests.
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }
        return connectionString;
    }

    private static async Task PsqlAsync(string connectionString, string file)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["PGHOST"] = builder.Host, ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGUSER"] = builder.Username, ["PGPASSWORD"] = builder.Password, ["PGDATABASE"] = builder.Database,
            },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"psql -f {file} failed ({process.ExitCode}): {await stderr}");
    }
}
