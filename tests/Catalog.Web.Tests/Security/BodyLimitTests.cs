using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Catalog.Testing;

namespace Catalog.Web.Tests.Security;

/// <summary>The portal on real Kestrel with a small body limit, so the server's own limit is what refuses the body.</summary>
public sealed class SmallBodyLimitPortalFactory : ProductionPortalFactory
{
    public const int Limit = 64 * 1024;

    public SmallBodyLimitPortalFactory() => UseKestrel(options => options.Limits.MaxRequestBodySize = Limit);
}

/// <summary>A body over the server's limit is a 413 problem naming the limit, not a 500 (issue 13, hole 4).</summary>
public sealed class BodyLimitTests(SmallBodyLimitPortalFactory portal) : IClassFixture<SmallBodyLimitPortalFactory>
{
    private static StringContent Oversized() =>
        new("{\"eventType\":\"COMPLETE\",\"padding\":\"" + new string('x', SmallBodyLimitPortalFactory.Limit * 2) + "\"}", Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_openlineage_body_over_the_server_limit_is_a_413_problem_naming_the_limit()
    {
        portal.StartServer();
        using var producer = await portal.CreateIngestClientAsync("big-producer");

        var response = await producer.PostAsync("/api/v1/lineage", Oversized());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{SmallBodyLimitPortalFactory.Limit:N0} bytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_json_api_body_over_the_server_limit_is_a_413_problem_naming_the_limit()
    {
        portal.StartServer();
        using var client = portal.CreateClient();

        // The body is bound before the endpoint runs (and decides the caller may not grant): the limit answers first.
        var response = await client.PostAsync("/api/governance/entities/1/grants", Oversized());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"{SmallBodyLimitPortalFactory.Limit:N0} bytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
