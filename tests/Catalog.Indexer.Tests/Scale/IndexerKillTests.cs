using System.Diagnostics;
using Npgsql;

namespace Catalog.Indexer.Tests.Scale;

/// <summary>
/// Killing <c>catalog-indexer harvest</c> in the middle of a run and starting it again: no half-applied input, the
/// dead run is marked abandoned, and the catalog ends up exactly as after one uninterrupted run.
/// </summary>
public sealed class IndexerKillTests
{
    private static string Events => Corpus.Path("openlineage", "events");

    [Fact]
    public async Task A_harvest_killed_mid_run_is_marked_abandoned_and_the_restarted_harvest_ends_where_an_uninterrupted_one_does()
    {
        var killed = await PostgresServer.CreateDatabaseAsync("killed");
        await using var db = NpgsqlDataSource.Create(killed);

        // Hold the per-location lock the engine takes before applying an input, so the run cannot finish before the kill:
        // the indexer applies other inputs and blocks on this one.
        var blocked = Path.GetFullPath(Corpus.Path("openlineage", "events", "compatibility-tests", "CLL", "3.json"));
        await using (var holder = await db.OpenConnectionAsync())
        {
            await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended($1, 0))", holder))
            {
                hold.Parameters.AddWithValue($"openlineage\n{blocked}");
                await hold.ExecuteNonQueryAsync();
            }
            using var indexer = Start(killed, "harvest", "openlineage", Events);
            while (await ScalarAsync(db, $"SELECT count(*) FROM raw_inputs WHERE location = '{blocked}' AND status = 'pending'") == 0
                   || await ScalarAsync(db, "SELECT count(*) FROM raw_inputs WHERE status = 'processed'") == 0)
            {
                if (indexer.HasExited) Assert.Fail("the indexer exited before it could be killed: " + await indexer.StandardOutput.ReadToEndAsync());
                await Task.Delay(20);
            }
            indexer.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
            await indexer.WaitForExitAsync();
        }
        Assert.True(1 == await ScalarAsync(db, "SELECT count(*) FROM harvest_runs WHERE status = 'running'"),
            "runs after the kill: " + string.Join(", ", await ColumnAsync(db, "SELECT status || ' ' || inputs_seen FROM harvest_runs")));
        var appliedBeforeKill = await ScalarAsync(db, "SELECT count(*) FROM harvest_inputs");
        // Every input whose items are in the catalog was recorded as processed in the same transaction.
        Assert.Equal(appliedBeforeKill, await ScalarAsync(db, "SELECT count(DISTINCT location) FROM raw_inputs WHERE status = 'processed'"));

        var (exitCode, output) = await GeneratedCatalog.RunIndexerAsync(killed, "harvest", "openlineage", Events);
        Assert.True(exitCode is 0 or 1, output); // 1: the corpus folder holds deliberately invalid events

        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM harvest_runs WHERE status = 'running'"));
        Assert.Equal(1, await ScalarAsync(db, "SELECT count(*) FROM harvest_runs WHERE status = 'abandoned' AND finished_at IS NOT NULL"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM raw_inputs WHERE status = 'pending'"));

        var clean = await PostgresServer.CreateDatabaseAsync("uninterrupted");
        await GeneratedCatalog.RunIndexerAsync(clean, "harvest", "openlineage", Events);
        await using var reference = NpgsqlDataSource.Create(clean);
        Assert.True(appliedBeforeKill < await ScalarAsync(reference, "SELECT count(*) FROM harvest_inputs"), "the kill came after the last input");
        foreach (var table in new[] { "entities", "dataset_fields", "lineage_edges", "column_lineage_edges", "runs", "harvest_inputs" })
            Assert.True(await ScalarAsync(reference, $"SELECT count(*) FROM {table}") == await ScalarAsync(db, $"SELECT count(*) FROM {table}"), $"{table} differs from an uninterrupted harvest");
    }

    private static Process Start(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "catalog-indexer.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Catalog"] = connectionString;
        return Process.Start(start)!;
    }

    private static async Task<List<string>> ColumnAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
