using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Catalog.Plugins.Governance.Authorization;

/// <summary>
/// Audits denials made by endpoint authorization (pages and APIs with a required policy, any plugin's), then lets
/// the framework's default handler answer (redirect to sign-in, 401 or 403). Anonymous visitors sent to sign in are
/// counted (<see cref="DeniedAttemptCounter"/>, per address and hour) rather than audited row by row: with the default
/// (anonymous read allowed) that only happens on pages and APIs that need more than reading.
/// </summary>
public sealed class AuditingAuthorizationResultHandler(AuditTrail audit, DeniedAttemptCounter anonymous) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if ((authorizeResult.Forbidden || authorizeResult.Challenged) && context.User.Identity?.IsAuthenticated != true)
            await anonymous.CountAsync($"{context.Request.Method} {context.Request.Path}", context.RequestAborted);
        else if (authorizeResult.Forbidden || authorizeResult.Challenged)
        {
            var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.Select(r => r.GetType().Name).ToArray() ?? [];
            await audit.RecordAsync(new AuditRecord(GovernanceGate.ActorOf(context.User), AuditActions.AccessDenied, $"{context.Request.Method} {context.Request.Path}")
            {
                After = new { failed }, Reason = authorizeResult.Forbidden ? "Forbidden by policy." : "Not signed in.", Succeeded = false,
            }, context.RequestAborted);
        }
        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
