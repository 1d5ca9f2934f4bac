using Catalog.Testing;

namespace Catalog.Web.Tests.OpenLineage;

/// <summary>
/// The portal on a real Kestrel port (not the in-memory test server), so a producer that goes away closes a real
/// TCP connection and the server sees it the way it would in production.
/// </summary>
public sealed class KestrelIngestWebFactory : CatalogWebFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
    }
}
