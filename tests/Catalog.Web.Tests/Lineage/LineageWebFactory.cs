using System.Security.Claims;
using System.Text.Encodings.Web;
using Catalog.Plugins.Lineage.Snapshot;
using Catalog.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Web.Tests.Lineage;

/// <summary>
/// The host's <see cref="CatalogWebFactory"/> with the lineage engine chosen per fixture. Callers say who they
/// are with headers (X-Test-User, X-Test-Groups, X-Test-Roles); an authentication handler turns them into the
/// claims the host's principal accessor reads. Everything else — HTTP, routing, SQL — is the real thing.
/// </summary>
public class LineageWebFactory(string engine) : CatalogWebFactory
{
    public LineageSnapshotStore Snapshot => Services.GetRequiredService<LineageSnapshotStore>();

    public LineageTestData Data => new(ConnectionString);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Plugins:lineage:Engine", engine),
        // Tests refresh the snapshot explicitly, so the background loop must not race them to it.
        new("Plugins:lineage:RefreshInterval", "00:10:00"),
    ];

    public HttpClient ClientFor(string? user = null, string? groups = null, string? roles = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, user);
        if (groups is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.GroupsHeader, groups);
        if (roles is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, roles);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
            services.AddAuthentication(o => { o.DefaultScheme = TestAuthHandler.SchemeName; o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName; })
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { }));
    }
}

public sealed class SnapshotLineageWebFactory() : LineageWebFactory("Snapshot");

public sealed class SqlLineageWebFactory() : LineageWebFactory("Sql");

internal sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LineageTest";
    public const string UserHeader = "X-Test-User";
    public const string GroupsHeader = "X-Test-Groups";
    public const string RolesHeader = "X-Test-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(UserHeader, out var user)) return Task.FromResult(AuthenticateResult.NoResult());
        var claims = new List<Claim> { new(ClaimTypes.Name, user.ToString()), new("catalog:user_ref", $"user:default:{user}") };
        claims.AddRange(Split(GroupsHeader).Select(g => new Claim("catalog:group", g)));
        claims.AddRange(Split(RolesHeader).Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private IEnumerable<string> Split(string header) =>
        Request.Headers.TryGetValue(header, out var value) ? value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
}
