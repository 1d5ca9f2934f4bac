using Microsoft.AspNetCore.Hosting;

namespace Catalog.Indexer.Tests.Scale;

/// <summary>One portal process (in-process host) on a database that other portals and indexers share; anonymous ingest.</summary>
public sealed class SharedDatabasePortal(string connectionString) : CatalogWebFactory
{
    public override Task InitializeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Catalog", connectionString);
        builder.UseSetting("Plugins:governance:RequireIngestToken", "false");
    }
}
