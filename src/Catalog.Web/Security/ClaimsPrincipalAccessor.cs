using System.Security.Claims;
using Catalog.Plugins.Security;

namespace Catalog.Web.Security;

/// <summary>
/// The default mapping from a signed-in user to catalog terms, from claims alone: <c>catalog:user_ref</c> (else
/// <c>user:default:{name}</c>), <c>catalog:group</c> claims, and role claims. Governance replaces it with one that
/// reads team membership from the catalog.
/// </summary>
internal sealed class ClaimsPrincipalAccessor(TimeProvider clock) : ICatalogPrincipalAccessor
{
    public const string UserRefClaim = "catalog:user_ref";
    public const string GroupClaim = "catalog:group";

    public Task<CatalogPrincipal> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return Task.FromResult(CatalogPrincipal.Anonymous);
        var userRef = user.FindFirstValue(UserRefClaim) ?? $"user:default:{user.Identity.Name}";
        var groups = user.FindAll(GroupClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(new CatalogPrincipal(userRef, groups, roles) { AsOf = clock.GetUtcNow() });
    }
}
