using Catalog.Storage.Embedded;
using Microsoft.AspNetCore.Hosting;

namespace Catalog.Web.Tests.Resilience;

/// <summary>
/// The portal on a PostgreSQL cluster of its own (not the test process's shared one), so a test can stop and start
/// the database without disturbing other test classes running in parallel. The cluster restarts on the same port.
/// </summary>
public sealed class PrivateClusterWebFactory : CatalogWebFactory, IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"catalog-resilience-{Guid.NewGuid():N}");
    private EmbeddedPostgres cluster = null!;

    /// <summary>The private cluster's database (the base class's <c>ConnectionString</c> is the shared server's, unused here).</summary>
    public string DatabaseConnectionString { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = directory, Ephemeral = true, Database = "resilience" });
        DatabaseConnectionString = await cluster.StartAsync();
        // Also when the test process ends without disposing fixtures (a crash, a cancelled run).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDeleteAsync().GetAwaiter().GetResult();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Catalog", DatabaseConnectionString);
        builder.UseSetting("Plugins:governance:RequireIngestToken", "false");
    }

    public Task StopDatabaseAsync() => cluster.StopAsync();

    public Task StartDatabaseAsync()
    {
        // EmbeddedPostgres checks its database over a pooled admin connection; the stop broke the pooled ones.
        Npgsql.NpgsqlConnection.ClearAllPools();
        return cluster.StartAsync();
    }

    // Re-implemented: the base class implements IAsyncLifetime.DisposeAsync explicitly, so an override of
    // DisposeAsync would not be called by xunit and the cluster would outlive the tests.
    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await StopAndDeleteAsync();
        }
    }

    private async Task StopAndDeleteAsync()
    {
        await cluster.StopAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
