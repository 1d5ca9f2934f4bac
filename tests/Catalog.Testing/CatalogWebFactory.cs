using Xunit;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Catalog.Testing;

/// <summary>
/// The real portal (its Program) on a fresh, migrated PostgreSQL database of its own, with the sample plugin loaded
/// from configuration as a third party would. Use one per test class (<c>IClassFixture&lt;CatalogWebFactory&gt;</c>)
/// and seed data with <see cref="ExecuteAsync"/> or through the real harvest path.
/// </summary>
public class CatalogWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    /// <summary>Extra settings for subclasses (e.g. governance switched on).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public virtual async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync(GetType().Name);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Catalog", ConnectionString);
        builder.UseSetting("Catalog:SampleCatalog:SeedOnFirstStart", "false");
        // Background work tests do not ask for (tests that need it switch it back on in Settings).
        builder.UseSetting("Plugins:cost:RunSnapshots", "false");
        builder.UseSetting("Plugins:health:RunMonitor", "false");
        builder.UseSetting("Catalog:Plugins:Assemblies:0", SamplePluginPath);
        // Every test client shares one address; limits are tested with their own settings (Security/RateLimitTests).
        builder.UseSetting("Catalog:RateLimits:WritesPerClient", "1000000");
        builder.UseSetting("Catalog:RateLimits:WritesPerAccount", "1000000");
        builder.UseSetting("Catalog:RateLimits:SignInsPerClient", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Runs SQL against this factory's database (test setup only).</summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        await command.ExecuteNonQueryAsync();
    }

    public static string SamplePluginPath
    {
        get
        {
            var root = Catalog.Storage.RepositoryPaths.FindRoot()!;
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(root, "samples", "Catalog.Samples.HelloPlugin", "bin", configuration, "net10.0", "Catalog.Samples.HelloPlugin.dll");
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
