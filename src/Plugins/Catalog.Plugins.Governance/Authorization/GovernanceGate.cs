using System.Security.Claims;
using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Authorization;

namespace Catalog.Plugins.Governance.Authorization;

/// <summary>
/// The one place writes are authorised. Every check that fails is written to the audit trail (who, what they tried,
/// on what), so "each denial audited" holds for forms and APIs alike; an anonymous caller's denials are counted
/// (<see cref="DeniedAttemptCounter"/>), not stored row by row.
/// </summary>
public sealed class GovernanceGate(IAuthorizationService authorization, ICatalogPrincipalAccessor principals, AuditTrail audit, DeniedAttemptCounter anonymous)
{
    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirst(Authentication.GovernanceSchemes.UserRefClaim)?.Value ?? (user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "unknown" : "anonymous");

    /// <summary>Cheap check before anything is loaded: a person (not a token, not anonymous) is signed in.</summary>
    public async Task<GateDecision> RequirePersonAsync(ClaimsPrincipal user, string attempted, string? target, CancellationToken cancellationToken)
    {
        if (user.IsPerson()) return GateDecision.Allowed;
        return await DenyAsync(user, attempted, target, user.IsSignedIn() ? GateDecision.Forbidden : GateDecision.Unauthenticated,
            user.IsSignedIn() ? "API tokens cannot change policies; sign in." : "Sign in to make changes.", cancellationToken);
    }

    public async Task<GateDecision> RequireOwnerAsync(ClaimsPrincipal user, OwnedEntity entity, string attempted, CancellationToken cancellationToken)
    {
        var result = await authorization.AuthorizeAsync(user, entity, CatalogPolicies.Owner);
        if (result.Succeeded) return GateDecision.Allowed;
        var owner = entity.OwnerRef ?? "nobody (no owner is recorded; only admins may change it)";
        return await DenyAsync(user, attempted, entity.Ref, user.IsSignedIn() ? GateDecision.Forbidden : GateDecision.Unauthenticated,
            $"Only members of {owner} or admins may change {entity.Ref}.", cancellationToken);
    }

    public async Task<GateDecision> RequirePolicyAsync(ClaimsPrincipal user, string policy, string attempted, string? target, CancellationToken cancellationToken)
    {
        var result = await authorization.AuthorizeAsync(user, policy);
        if (result.Succeeded) return GateDecision.Allowed;
        return await DenyAsync(user, attempted, target, user.IsSignedIn() ? GateDecision.Forbidden : GateDecision.Unauthenticated,
            $"This needs the {policy} permission.", cancellationToken);
    }

    public Task<CatalogPrincipal> PrincipalAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => principals.GetAsync(user, cancellationToken);

    private async Task<GateDecision> DenyAsync(ClaimsPrincipal user, string attempted, string? target, GateDecision decision, string message, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn())
        {
            await anonymous.CountAsync(attempted, cancellationToken);
            return decision with { Message = message };
        }
        await audit.RecordAsync(new AuditRecord(ActorOf(user), AuditActions.AccessDenied, target)
        {
            After = new { attempted }, Reason = message, Succeeded = false,
        }, cancellationToken);
        return decision with { Message = message };
    }
}

public sealed record GateDecision(bool IsAllowed, int StatusCode)
{
    public string? Message { get; init; }
    public static GateDecision Allowed { get; } = new(true, 200);
    public static GateDecision Unauthenticated { get; } = new(false, 401);
    public static GateDecision Forbidden { get; } = new(false, 403);
}
