using Xunit;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

    /// <summary>
    /// The clock the portal reads (a <c>FakeTimeProvider</c> for tests that depend on the date), registered over the
    /// system one; null keeps the system clock.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// Production, the environment <c>./catalog.sh start</c> runs in: what a test sees (static files of plugins,
    /// the error page) is what a newcomer sees. A subclass that truly needs Development overrides this and says why.
    /// </summary>
    protected virtual string EnvironmentName => Environments.Production;

    /// <summary>Extra settings for subclasses (e.g. governance switched on).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public virtual async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync(GetType().Name);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Development's service-provider checks, kept in every environment: a scoped service captured by a
        // singleton or a registration that cannot be built fails the test instead of a request in production.
        builder.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; });
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
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton(clock));
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
