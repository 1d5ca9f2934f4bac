using Catalog.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Catalog.Web.Tests.Security;

/// <summary>The portal as it is deployed: the Production environment (exception handler, HSTS).</summary>
public class ProductionPortalFactory : CatalogWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Production behind a TLS-terminating reverse proxy the portal is told to trust.</summary>
public sealed class ProxiedPortalFactory : ProductionPortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Catalog:ForwardedHeaders:Enabled", "true")];
}
