using System.Net;
using Catalog.Plugins.Governance.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Governance;

[Collection(GovernanceCollection.Name)]
public sealed class SignInTests(GovernanceWebFactory portal)
{
    private Task<PortalSession> FreshSessionAsync() =>
        Task.FromResult(new PortalSession(portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })));

    private async Task CreateUserAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AdminUserCommand>().AddUserAsync(name, Personas.Password, null, [], "test");
        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_say_which_part_was_wrong_and_is_audited()
    {
        using var session = await FreshSessionAsync();
        var before = await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'auth.sign-in-failed' AND target = 'user-name:olivia'");

        var response = await session.SignInAsync("olivia", "not the password at all");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The user name or password is not right.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'auth.sign-in-failed' AND target = 'user-name:olivia'"));
    }

    [Fact]
    public async Task After_three_failures_the_account_is_locked_even_for_the_right_password()
    {
        await CreateUserAsync("lucy");
        using var session = await FreshSessionAsync();
        for (var i = 0; i < 3; i++) await session.SignInAsync("lucy", "wrong password number " + i);

        var response = await session.SignInAsync("lucy", Personas.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
        Assert.True(await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'auth.locked-out' AND target = 'user-name:lucy'") >= 1);
    }

    [Fact]
    public async Task Signing_in_redirects_only_to_local_pages()
    {
        using var session = await FreshSessionAsync();

        var response = await session.PostFormAsync("/account/sign-in", "sign-in", new()
        {
            ["Input.UserName"] = "victor", ["Input.Password"] = Personas.Password, ["Input.ReturnUrl"] = "//evil.example/phish",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location?.Host);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_account_page_shows_the_teams_read_from_the_catalog()
    {
        var owner = await portal.SessionAsync(Personas.Owner);

        var page = await owner.Client.GetStringAsync("/account");

        Assert.Contains("user:default:olivia", page);
        Assert.Contains(GovernanceSeed.OrdersTeam, page);
    }

    [Fact]
    public async Task A_short_password_is_refused_when_creating_an_admin()
    {
        await using var scope = portal.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<AdminUserCommand>().AddAdminAsync("shorty", "tooshort", null, "test");

        Assert.False(result.Succeeded);
        Assert.Contains("at least 12 characters", result.Message);
    }

    [Fact]
    public async Task A_user_header_from_an_address_that_is_not_a_configured_proxy_is_ignored()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-User", "root");

        var response = await client.GetAsync("/api/governance/audit");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_from_the_navigation_form_ends_the_session_and_needs_the_antiforgery_token()
    {
        await CreateUserAsync("sam");
        using var session = await FreshSessionAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("sam", Personas.Password)).StatusCode);

        var forged = await session.Client.PostAsync("/account/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("user:default:sam", await session.Client.GetStringAsync("/account"));

        var page = await session.GetDocumentAsync("/account");
        var token = page.QuerySelector("form[action='/account/signout'] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var signedOut = await session.Client.PostAsync("/account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.DoesNotContain("user:default:sam", await session.Client.GetStringAsync("/account"));
        Assert.Equal(1L, await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'auth.sign-out' AND actor = 'user:default:sam'"));
    }
}
