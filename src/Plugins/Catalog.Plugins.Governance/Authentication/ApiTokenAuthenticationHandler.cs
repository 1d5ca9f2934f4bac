using System.Security.Claims;
using System.Text.Encodings.Web;
using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Governance.Authentication;

/// <summary>
/// <c>Authorization: Bearer cat_…</c>. An accepted use is audited (token.used) and recorded as the token's last use, so
/// owners see which tokens are alive. A rejection is counted, and audited only for a known token (at most hourly):
/// see <see cref="RejectedTokenRecorder"/>.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, AuditTrail audit, RejectedTokenRecorder rejections)
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
            await rejections.RecordAsync(secret, target, remote, Context.RequestAborted);
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
