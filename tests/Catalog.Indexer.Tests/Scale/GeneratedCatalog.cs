using System.Diagnostics;
using Catalog.Generator;
using Npgsql;

namespace Catalog.Indexer.Tests.Scale;

/// <summary>
/// The small profile (seed 42) generated once per test class into a fresh database by the real
/// <c>catalog-indexer generate</c> executable, as a person or CI script would run it.
/// </summary>
public sealed class GeneratedCatalog : IAsyncLifetime
{
    public static readonly CatalogShape Shape = new(GeneratorProfile.Small, 42);

    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("generated");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        (ExitCode, Output) = await RunIndexerAsync(ConnectionString, "generate", "--profile", "small", "--seed", "42");
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<(int ExitCode, string Output)> RunIndexerAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "catalog-indexer.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Catalog"] = connectionString;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
