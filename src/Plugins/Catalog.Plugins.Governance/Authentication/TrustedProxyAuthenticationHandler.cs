using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Catalog.Domain.Entities;
using Catalog.Plugins.Governance.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Governance.Authentication;

/// <summary>
/// Behind an SSO reverse proxy: trusts <see cref="TrustedProxyOptions.UserHeader"/> only when the connection comes
/// from one of <see cref="TrustedProxyOptions.ProxyAddresses"/>. From anywhere else the header is ignored (and logged),
/// so a client cannot claim to be someone by sending it. A known local account keeps its roles.
/// </summary>
public sealed class TrustedProxyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<GovernanceOptions> governance, UserManager<CatalogUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static bool IsTrustedSource(TrustedProxyOptions proxy, IPAddress? remote) =>
        proxy.Enabled && remote is not null &&
        proxy.ProxyAddresses.Any(a => IPAddress.TryParse(a, out var ip) && (ip.Equals(remote) || (remote.IsIPv4MappedToIPv6 && ip.Equals(remote.MapToIPv4()))));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var proxy = governance.Value.TrustedProxy;
        var name = Request.Headers[proxy.UserHeader].ToString().Trim();
        if (!proxy.Enabled || name.Length == 0) return AuthenticateResult.NoResult();
        if (!IsTrustedSource(proxy, Context.Connection.RemoteIpAddress))
        {
            Logger.LogWarning("Ignored {Header} from {Remote}: not a configured proxy address", proxy.UserHeader, Context.Connection.RemoteIpAddress);
            return AuthenticateResult.NoResult();
        }
        if (name.Length > 256 || !EntityRef.TryParse(CatalogUser.DefaultRefFor(name), out _))
            return AuthenticateResult.Fail($"The proxy's {proxy.UserHeader} header is not a usable user name.");

        var account = await users.FindByNameAsync(name);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account?.Id ?? $"proxy:{name}"),
            new(ClaimTypes.Name, name),
            new(GovernanceSchemes.UserRefClaim, account?.CatalogUserRef ?? CatalogUser.DefaultRefFor(name)),
        };
        if (account is not null)
            claims.AddRange((await users.GetRolesAsync(account)).Select(r => new Claim(ClaimTypes.Role, r)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }
}
