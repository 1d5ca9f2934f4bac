using System.Security.Claims;

namespace Catalog.Plugins.Security;

/// <summary>
/// Turns the signed-in user into a <see cref="CatalogPrincipal"/>. The host registers a default that reads claims;
/// the governance plugin replaces it with one that also reads team membership from the catalog.
/// </summary>
public interface ICatalogPrincipalAccessor
{
    Task<CatalogPrincipal> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
