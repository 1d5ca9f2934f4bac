using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Catalog.Plugins.Governance.Authorization;

/// <summary>
/// Audits denials made by endpoint authorization (pages and APIs with a required policy, any plugin's), then lets
/// the framework's default handler answer (redirect to sign-in, 401 or 403). Anonymous GETs that are merely sent to
/// sign in are not audited — that is browsing, not an access decision.
/// </summary>
public sealed class AuditingAuthorizationResultHandler(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var anonymousRead = authorizeResult.Challenged && HttpMethods.IsGet(context.Request.Method);
        if ((authorizeResult.Forbidden || authorizeResult.Challenged) && !anonymousRead)
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
