using Catalog.Indexer.Tests.Harvesting;

namespace Catalog.Indexer.Tests.Cli;

/// <summary>
/// Issue 13, hole 1: a database password given to <c>catalog-indexer harvest postgres</c> is used to connect and then
/// appears nowhere: not in the CLI's output, not in any table of the catalog. And it need not be on the command line.
/// </summary>
public sealed class SecretsCliTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task A_password_in_the_target_is_never_printed_or_stored_and_the_target_still_names_the_database()
    {
        var target = await SecretTarget.CreateAsync("secret-cli");
        var outputs = new List<string>();

        var (exitCode, output) = await RunAsync("harvest", "postgres", target.ConnectionString);
        Assert.True(exitCode == 0, output);
        outputs.Add(output);
        // The URI form, forced so it connects again; a server that is not there; a malformed connection string.
        outputs.Add((await RunAsync("harvest", "postgres", target.Uri, "--force")).Output);
        var (unreachableExit, unreachable) = await RunAsync("harvest", "postgres", $"Host=127.0.0.1;Port=1;Database=gone;Username=nobody;Password={target.Password}");
        Assert.NotEqual(0, unreachableExit);
        outputs.Add(unreachable);
        outputs.Add((await RunAsync("harvest", "postgres", $"Host=127.0.0.1;Password={target.Password};Port=not-a-port;Database=x")).Output);
        outputs.Add((await RunAsync("status")).Output);
        outputs.Add((await RunAsync("status", "--errors")).Output);

        Assert.Contains("could not introspect", unreachable, StringComparison.Ordinal);
        foreach (var printed in outputs) Assert.DoesNotContain(target.Password, printed, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await CatalogDatabaseScan.FindAsync(db.ConnectionString, target.Password));
        // The scan does read the catalog: the harvested table's comment is there.
        Assert.Contains("entities", await CatalogDatabaseScan.FindAsync(db.ConnectionString, "what customers bought"));
        var stored = await db.ColumnAsync("SELECT target FROM harvest_runs WHERE harvester = 'postgres' ORDER BY started_at");
        Assert.Equal($"{target.WithoutPassword};Password=***", stored[0]);
        Assert.Equal($"postgres://{target.Username}:***@{target.Host}:{target.Port}/{target.Database}", stored[1]);
    }

    [Fact]
    public async Task The_password_can_come_from_a_file_PGPASSWORD_or_PGPASSFILE_instead_of_the_command_line()
    {
        var target = await SecretTarget.CreateAsync("secret-sources");
        var directory = Directory.CreateTempSubdirectory("catalog-secrets-");
        try
        {
            var passwordFile = Path.Combine(directory.FullName, "password");
            await File.WriteAllTextAsync(passwordFile, target.Password + "\n");
            var pgpass = Path.Combine(directory.FullName, "pgpass");
            await File.WriteAllTextAsync(pgpass, target.PgpassLine + "\n");
            File.SetUnixFileMode(pgpass, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            var (withoutExit, without) = await RunWithAsync(null, "harvest", "postgres", target.WithoutPassword);
            var (fileExit, fromFile) = await RunWithAsync(null, "harvest", "postgres", target.WithoutPassword, "--force", "--password-file", passwordFile);
            var (envExit, fromEnvironment) = await RunWithAsync(new() { ["PGPASSWORD"] = target.Password }, "harvest", "postgres", target.WithoutPassword, "--force");
            var (passfileExit, fromPassfile) = await RunWithAsync(new() { ["PGPASSFILE"] = pgpass }, "harvest", "postgres", target.WithoutPassword, "--force");

            Assert.True(withoutExit != 0, without);
            Assert.True(fileExit == 0, fromFile);
            Assert.True(envExit == 0, fromEnvironment);
            Assert.True(passfileExit == 0, fromPassfile);
            Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM harvest_runs WHERE harvester = 'postgres' AND status = 'succeeded' AND target = $1", target.WithoutPassword));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_password_file_is_an_error_that_names_the_file()
    {
        var target = await SecretTarget.CreateAsync("secret-nofile");
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-password-{Guid.NewGuid():N}");

        var (exitCode, output) = await RunWithAsync(null, "harvest", "postgres", target.WithoutPassword, "--password-file", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains(missing, output, StringComparison.Ordinal);
        Assert.Contains("password file is missing", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunWithAsync(null, arguments);

    private Task<(int ExitCode, string Output)> RunWithAsync(Dictionary<string, string>? environment, params string[] arguments) =>
        IndexerProcess.RunAsync(db.ConnectionString, environment, null, arguments);
}
