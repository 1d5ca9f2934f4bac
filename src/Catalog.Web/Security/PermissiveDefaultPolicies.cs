using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Catalog.Web.Security;

/// <summary>
/// Without a governance plugin nothing defines the catalog's policies; this fills each missing one with an
/// allow-all policy and says so in the log, so a bare host (development, plugin authors) still works.
/// </summary>
internal sealed class PermissiveDefaultPolicies(ILogger<PermissiveDefaultPolicies> logger) : IPostConfigureOptions<AuthorizationOptions>
{
    private static readonly string[] Names = [CatalogPolicies.Read, CatalogPolicies.Ingest, CatalogPolicies.Owner, CatalogPolicies.Auditor, CatalogPolicies.Admin];

    public void PostConfigure(string? name, AuthorizationOptions options)
    {
        foreach (var policy in Names.Where(n => options.GetPolicy(n) is null))
        {
            logger.LogWarning("No plugin defines authorization policy {Policy}: allowing everyone (development default)", policy);
            options.AddPolicy(policy, p => p.RequireAssertion(_ => true));
        }
    }
}
