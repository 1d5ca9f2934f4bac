using System.Security.Claims;
using System.Text.Encodings.Web;
using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Governance.Authentication;

/// <summary>
/// <c>Authorization: Bearer cat_…</c>. Every use is audited — accepted (token.used) or rejected (token.rejected) —
/// and the token's last use is recorded, so owners see which tokens are alive.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, AuditTrail audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        var remote = Context.Connection.RemoteIpAddress?.ToString();
        var identity = await tokens.UseAsync(secret, remote, Context.RequestAborted);
        var target = $"{Request.Method} {Request.Path}";
        if (identity is null)
        {
            var shown = secret.Length >= 10 ? secret[..10] : "(malformed)";
            await audit.RecordAsync(new AuditRecord("anonymous", AuditActions.TokenRejected, target)
            {
                After = new { tokenPrefix = shown, from = remote }, Succeeded = false, Reason = "Unknown, revoked or expired API token.",
            }, Context.RequestAborted);
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }
        await audit.RecordAsync(new AuditRecord(identity.UserRef, AuditActions.TokenUsed, target)
        {
            After = new { tokenId = identity.TokenId, scopes = identity.Scopes, from = remote },
        }, Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.UserId),
            new(ClaimTypes.Name, identity.UserName),
            new(GovernanceSchemes.UserRefClaim, identity.UserRef),
            new(GovernanceSchemes.TokenIdClaim, identity.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(identity.Scopes.Select(s => new Claim(GovernanceSchemes.TokenScopeClaim, s)));
        claims.AddRange(identity.Namespaces.Select(n => new Claim(GovernanceSchemes.TokenNamespaceClaim, n)));
        claims.AddRange(identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"catalog\"";
        return Infrastructure.ApiProblems.WriteAsync(Response, 401, "The API token is missing, unknown, revoked or expired.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Infrastructure.ApiProblems.WriteAsync(Response, 403, "This API token's scopes do not allow this. Tokens can read or ingest; policy changes need a person signed in.");
}
