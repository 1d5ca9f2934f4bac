using Catalog.Storage.Embedded;
using Microsoft.AspNetCore.Hosting;

namespace Catalog.Web.Tests.Resilience;

/// <summary>
/// The portal on a PostgreSQL cluster of its own (not the test process's shared one), so a test can stop and start
/// the database without disturbing other test classes running in parallel. The cluster restarts on the same port.
/// </summary>
public sealed class PrivateClusterWebFactory : CatalogWebFactory
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"catalog-resilience-{Guid.NewGuid():N}");
    private EmbeddedPostgres cluster = null!;

    /// <summary>The private cluster's database (the base class's <c>ConnectionString</c> is the shared server's, unused here).</summary>
    public string DatabaseConnectionString { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = directory, Ephemeral = true, Database = "resilience" });
        DatabaseConnectionString = await cluster.StartAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Catalog", DatabaseConnectionString);
        builder.UseSetting("Plugins:governance:RequireIngestToken", "false");
    }

    public Task StopDatabaseAsync() => cluster.StopAsync();

    public Task StartDatabaseAsync() => cluster.StartAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await cluster.StopAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
