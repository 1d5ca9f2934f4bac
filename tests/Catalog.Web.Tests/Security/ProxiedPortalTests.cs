using Microsoft.AspNetCore.Mvc.Testing;

namespace Catalog.Web.Tests.Security;

public sealed class ProxiedPortalTests(ProxiedPortalFactory factory) : IClassFixture<ProxiedPortalFactory>
{
    [Fact]
    public async Task Behind_a_configured_proxy_the_forwarded_https_scheme_gives_hsts_and_secure_cookies()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://catalog.example/"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
