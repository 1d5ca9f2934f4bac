using System.Net;
using Catalog.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Security;

public sealed class SecurityHeadersTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await factory.AddDatasetAsync("music", "plays_hourly", description: "Plays per hour");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_route_the_app_maps_answers_with_the_security_headers()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var urls = GetRoutes().Concat(["/css/catalog.css", "/no/such/page", "/api/no-such-api"]).Distinct().ToList();
        Assert.True(urls.Count > 30, $"only {urls.Count} routes found");

        var missing = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            var lacking = MissingHeaders(response);
            if (lacking.Count > 0) missing.Add($"{url} ({(int)response.StatusCode}): {string.Join(", ", lacking)}");
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Writes_refused_by_the_api_carry_the_headers_too()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/api/v1/lineage", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.True((int)response.StatusCode >= 400);
        Assert.Empty(MissingHeaders(response));
    }

    [Fact]
    public async Task The_policy_allows_scripts_and_styles_from_the_portal_only_and_no_framing()
    {
        using var response = await factory.CreateClient().GetAsync("/");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Over_https_the_portal_sends_hsts_and_marks_its_cookies_secure()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://catalog.example/"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts_and_no_forwarded_scheme_is_believed()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://catalog.example/"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    internal static List<string> MissingHeaders(HttpResponseMessage response)
    {
        string[] required = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy"];
        return [.. required.Where(h => !response.Headers.Contains(h))];
    }

    // Every GET route of the running app — endpoints and pages — with its parameters filled with the seeded dataset.
    private IEnumerable<string> GetRoutes()
    {
        var sources = factory.Services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains(HttpMethods.Get)) continue;
            yield return "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(Segment));
        }
    }

    private static string Segment(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => parameter.Name.ToLowerInvariant() switch
        {
            "kind" => "dataset",
            "namespace" or "ns" => "music",
            "name" => "plays_hourly",
            "tab" => "lineage",
            _ => "1",
        },
        RoutePatternSeparatorPart separator => separator.Content,
        _ => "",
    }));
}
