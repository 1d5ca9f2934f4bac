using System.Security.Claims;
using Catalog.Plugins.Governance.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Governance.Identity;

/// <summary>Adds the catalog user ref to the sign-in cookie, so each request knows which catalog user (and teams) it is.</summary>
public sealed class CatalogUserClaimsFactory(UserManager<CatalogUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CatalogUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CatalogUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(GovernanceSchemes.UserRefClaim, user.CatalogUserRef));
        return identity;
    }
}
