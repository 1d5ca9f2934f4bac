using System.Net;
using System.Net.Http.Headers;
using Catalog.Plugins.Governance.Authentication;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// Access grants and API tokens expire on the portal's clock (a SQL parameter, not the database's now()), at every
/// date of the matrix: a read grant for one day on a restricted dataset and a two-day token, created at the date,
/// hold until they expire and not a minute after — across a month end, a DST change, 29 February and New Year.
/// </summary>
public sealed class ExpiryOnAnyDateTests
{
    [Theory]
    [MemberData(nameof(ClockDates.All), MemberType = typeof(ClockDates))]
    public async Task A_grant_and_a_token_hold_until_they_expire_on_the_portals_clock(string at)
    {
        var clock = new FakeTimeProvider(ClockDates.Parse(at));
        await using var portal = new GovernanceWebFactory { Clock = clock };
        await portal.InitializeAsync();
        var campaigns = portal.Seed.Campaigns;
        await portal.ExecuteAsync($"""
            UPDATE entities SET visibility = 'restricted' WHERE id = {campaigns};
            INSERT INTO access_grants (entity_id, principal_ref, permission, origin, granted_by, expires_at)
            VALUES ({campaigns}, '{Personas.Viewer.Actor}', 'read', 'portal', 'test', '{clock.GetUtcNow().AddDays(1):O}');
            """);
        var userId = await portal.ScalarAsync<string>("SELECT id FROM identity_users WHERE user_name = @n", ("n", Personas.Viewer.UserName!));
        CreatedApiToken token;
        using (var scope = portal.Services.CreateScope())
            token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(userId!, Personas.Viewer.Actor, "clock", ["read"], lifetimeDays: 2);
        Assert.Equal(clock.GetUtcNow().AddDays(2), token.Info.ExpiresAt);
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        async Task<HttpStatusCode> Retention(long id) => (await client.GetAsync($"/api/governance/entities/{id}/retention")).StatusCode;
        // A public dataset answers anonymous callers too, so whether the token was accepted is read from the audit trail.
        async Task<string> TokenUse()
        {
            Assert.Equal(HttpStatusCode.OK, await Retention(portal.Seed.Customers));
            return (await portal.ScalarAsync<string>("SELECT action FROM audit_events WHERE action LIKE 'token.%' ORDER BY sequence DESC LIMIT 1"))!;
        }

        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await Retention(campaigns));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.NotFound, await Retention(campaigns));
        Assert.Equal("token.used", await TokenUse());

        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(2));
        Assert.Equal("token.used", await TokenUse());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("token.rejected", await TokenUse());
    }
}
