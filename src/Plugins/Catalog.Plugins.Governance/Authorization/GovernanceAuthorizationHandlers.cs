using System.Security.Claims;
using Catalog.Plugins.Governance.Authentication;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Governance.Authorization;

internal static class PrincipalFacts
{
    public static bool IsToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == GovernanceSchemes.TokenIdClaim);
    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.HasClaim(GovernanceSchemes.TokenScopeClaim, scope);
    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;
    public static bool IsPerson(this ClaimsPrincipal user) => user.IsSignedIn() && !user.IsToken();
}

public sealed class ReadHandler(IOptions<GovernanceOptions> options) : AuthorizationHandler<ReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadRequirement requirement)
    {
        var user = context.User;
        if (!options.Value.RequireSignIn || user.IsPerson() || (user.IsToken() && user.HasScope(TokenScopes.Read)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public sealed class IngestHandler(IOptions<GovernanceOptions> options) : AuthorizationHandler<IngestRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IngestRequirement requirement)
    {
        var user = context.User;
        // An ingest token speaks for an admin or a service account (TokenRequest): one whose account lost that role stops ingesting.
        if (!options.Value.RequireIngestToken || (user.IsToken() && user.HasScope(TokenScopes.Ingest) && TokenRequest.MayMintIngest(user))
            || (user.IsPerson() && user.IsInRole(CatalogRoles.Admin)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public sealed class RoleHandler : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (context.User.IsPerson() && requirement.Roles.Any(context.User.IsInRole))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Without a resource (a page guarded by the Owner policy) a signed-in person passes and the page checks each entity;
/// with an <see cref="OwnedEntity"/> the person must be in the owning team (or be the owner) or be an admin.
/// Auditors are deliberately not owners of anything: they read everything and change nothing.
/// </summary>
public sealed class OwnerHandler(ICatalogPrincipalAccessor principals) : AuthorizationHandler<OwnerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerRequirement requirement)
    {
        if (!context.User.IsPerson()) return;
        if (context.Resource is not OwnedEntity entity)
        {
            if (context.Resource is null || context.Resource is Microsoft.AspNetCore.Http.HttpContext or Microsoft.AspNetCore.Http.Endpoint)
                context.Succeed(requirement);
            return;
        }
        var principal = await principals.GetAsync(context.User, CancellationToken.None);
        if (principal.IsAdmin || principal.IsMemberOf(entity.OwnerRef))
            context.Succeed(requirement);
    }
}
