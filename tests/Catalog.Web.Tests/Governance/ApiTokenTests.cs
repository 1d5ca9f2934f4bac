using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Catalog.Plugins.Governance.Authentication;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Governance;

[Collection(GovernanceCollection.Name)]
public sealed class ApiTokenTests(GovernanceWebFactory portal)
{
    private async Task<(long Id, string Secret)> CreateAsync(Persona persona, params string[] scopes)
    {
        var session = await portal.SessionAsync(persona);
        string[] namespaces = scopes.Contains("ingest") ? ["*"] : [];
        var response = await session.PostJsonAsync("/api/governance/tokens", new { name = $"test {Guid.NewGuid():N}", scopes, lifetimeDays = 1, namespaces });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt64(), body.GetProperty("token").GetString()!);
    }

    private HttpClient Bearer(string secret)
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_token_is_stored_only_as_its_sha256_and_never_listed_again()
    {
        var (id, secret) = await CreateAsync(Personas.Viewer, "read");

        Assert.StartsWith("cat_", secret);
        Assert.Equal(ApiTokenService.Hash(secret), await portal.ScalarAsync<byte[]>("SELECT token_hash FROM api_tokens WHERE id = @id", ("id", id)));
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM api_tokens WHERE prefix = @s OR name = @s", ("s", secret)));
        var listed = await (await portal.SessionAsync(Personas.Viewer)).Client.GetStringAsync("/api/governance/tokens");
        Assert.DoesNotContain(secret, listed);
        Assert.Contains(secret[..10], listed);
    }

    [Fact]
    public async Task A_read_token_reads_records_its_last_use_and_every_use_is_audited()
    {
        var (id, secret) = await CreateAsync(Personas.Viewer, "read");
        using var client = Bearer(secret);

        var response = await client.GetAsync($"/api/governance/entities/{portal.Seed.Customers}/retention");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await portal.ScalarAsync<DateTime?>("SELECT last_used_at FROM api_tokens WHERE id = @id", ("id", id)));
        Assert.Equal(1L, await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'token.used' AND (after->>'tokenId')::bigint = @id", ("id", id)));
    }

    [Fact]
    public async Task A_token_of_the_owner_cannot_change_a_policy_and_the_attempt_is_audited()
    {
        var (_, secret) = await CreateAsync(Personas.Owner, "read");
        using var client = Bearer(secret);
        var denied = await portal.CountAuditAsync("access.denied", Personas.Owner.Actor);

        var response = await client.PutAsJsonAsync($"/api/governance/entities/{portal.Seed.Customers}/retention", new { mode = "keep_days", value = "3", version = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("API tokens cannot change policies", await response.Content.ReadAsStringAsync());
        Assert.Equal(denied + 1, await portal.CountAuditAsync("access.denied", Personas.Owner.Actor));
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once_and_its_rejection_is_audited_once_an_hour()
    {
        var (id, secret) = await CreateAsync(Personas.OtherOwner, "read");
        var session = await portal.SessionAsync(Personas.OtherOwner);
        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.DeleteAsync($"/api/governance/tokens/{id}")).StatusCode);
        var rejected = await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'token.rejected' AND target = @t", ("t", $"token:{id}"));
        using var client = Bearer(secret);

        var first = await client.GetAsync("/api/governance/tokens");
        var again = await client.GetAsync("/api/governance/tokens");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(rejected + 1, await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'token.rejected' AND target = @t", ("t", $"token:{id}")));
        Assert.Equal(secret[..10], await portal.ScalarAsync<string>(
            "SELECT after->>'tokenPrefix' FROM audit_events WHERE action = 'token.rejected' AND target = @t ORDER BY sequence DESC LIMIT 1", ("t", $"token:{id}")));
    }

    [Fact]
    public async Task Someone_else_cannot_revoke_my_token()
    {
        var (id, secret) = await CreateAsync(Personas.Viewer, "read");
        var other = await portal.SessionAsync(Personas.OtherOwner);

        var response = await other.Client.DeleteAsync($"/api/governance/tokens/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var client = Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/governance/entities/{portal.Seed.Customers}/retention")).StatusCode);
    }

    [Theory]
    [InlineData("ingest", true)]
    [InlineData("read", false)]
    public async Task Ingest_needs_a_token_with_the_ingest_scope(string scope, bool allowed)
    {
        var (_, secret) = await CreateAsync(Personas.Admin, scope);
        await using var scopeServices = portal.Services.CreateAsyncScope();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scopeServices.ServiceProvider };
        context.Request.Headers.Authorization = $"Bearer {secret}";
        var authentication = await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(context, GovernanceSchemes.ApiToken);
        Assert.True(authentication.Succeeded);

        var result = await scopeServices.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(authentication.Principal!, CatalogPolicies.Ingest);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task A_person_without_the_admin_role_may_not_ingest_with_a_session()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim(GovernanceSchemes.UserRefClaim, "user:default:olivia")], "Identity.Application"));
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(GovernanceSchemes.UserRefClaim, "user:default:root"), new Claim(ClaimTypes.Role, CatalogRoles.Admin)], "Identity.Application"));
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();

        Assert.False((await authorization.AuthorizeAsync(person, CatalogPolicies.Ingest)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(admin, CatalogPolicies.Ingest)).Succeeded);
    }
}
