using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Catalog.Testing;

namespace Catalog.Web.Tests.Security;

/// <summary>Low limits, so a handful of requests reaches them.</summary>
public sealed class RateLimitedPortalFactory : ProductionPortalFactory
{
    public const int WritesPerClient = 8;
    public const int WritesPerAccount = 4;
    public const int SignInsPerClient = 3;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Catalog:RateLimits:Window", "01:00:00"),
        new("Catalog:RateLimits:WritesPerClient", WritesPerClient.ToString()),
        new("Catalog:RateLimits:WritesPerAccount", WritesPerAccount.ToString()),
        new("Catalog:RateLimits:SignInsPerClient", SignInsPerClient.ToString()),
        new("Plugins:openlineage:MaxEventsPerRequest", "100"),
    ];
}

/// <summary>
/// Abuse is bounded (issue 13, hole 5): writes and sign-in are rate limited per address and per account, anonymous
/// denials are counted rather than stored one audit row each, one ingest request cannot hold the server, and the search
/// cursor can be neither forged nor deepened. Each test uses its own client address, so their limits do not mix.
/// </summary>
public sealed class AbuseTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Anonymous_denied_writes_are_counted_not_stored_as_audit_rows_and_are_rate_limited_per_address()
    {
        using var client = portal.Anonymous("203.0.113.7");
        var auditRows = await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedPortalFactory.WritesPerClient + 3; i++)
            statuses.Add((await client.PostAsync("/api/governance/entities/1/grants", Json("""{"principal":"group:default:x","permission":"read"}"""))).StatusCode);
        var limited = await client.PostAsync("/api/governance/entities/1/grants", Json("{}"));

        Assert.All(statuses.Take(RateLimitedPortalFactory.WritesPerClient), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(RateLimitedPortalFactory.WritesPerClient), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(auditRows, await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events"));
        Assert.Equal((long)RateLimitedPortalFactory.WritesPerClient,
            await portal.ScalarAsync<long>("SELECT sum(attempts)::bigint FROM denied_attempt_counts WHERE client = '203.0.113.7'"));
    }

    [Fact]
    public async Task Random_bearer_tokens_are_counted_not_stored_as_audit_rows()
    {
        const int Requests = 500;
        using var client = portal.Anonymous("203.0.113.91");
        var auditRows = await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events");

        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/governance/tokens");
            // Well-formed guesses and junk alike: neither names a token holder.
            var guess = i % 2 == 0 ? "cat_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=') : Guid.NewGuid().ToString("N");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", guess);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized], statuses);
        Assert.Equal(auditRows, await portal.ScalarAsync<long>("SELECT count(*) FROM audit_events"));
        Assert.Equal((long)Requests, await portal.ScalarAsync<long>(
            "SELECT coalesce(sum(attempts), 0)::bigint FROM denied_attempt_counts WHERE client = '203.0.113.91' AND action = 'token.rejected'"));
    }

    [Fact]
    public async Task Writes_of_one_account_are_limited_from_any_address()
    {
        var viewer = await portal.SessionAsync("valerie");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedPortalFactory.WritesPerAccount + 2; i++)
        {
            // A new address for every request: only the account's limit can stop them.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/governance/entities/1/access-requests")
            {
                Content = Json("""{"permission":"read","reason":"abuse test"}"""),
            };
            request.Headers.Add(ProductionPortalFactory.ClientHeader, $"198.51.100.{i + 1}");
            statuses.Add((await viewer.Client.SendAsync(request)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(RateLimitedPortalFactory.WritesPerAccount));
        Assert.All(statuses.Skip(RateLimitedPortalFactory.WritesPerAccount), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        using var client = portal.Anonymous("192.0.2.44");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedPortalFactory.SignInsPerClient + 2; i++)
            statuses.Add((await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["Input.UserName"] = "nobody", ["Input.Password"] = "wrong password " + i,
            }))).StatusCode);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(RateLimitedPortalFactory.SignInsPerClient));
        Assert.All(statuses.Skip(RateLimitedPortalFactory.SignInsPerClient), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task An_ingest_request_over_the_event_limit_is_a_413_naming_it_and_nothing_is_stored()
    {
        using var producer = await portal.CreateIngestClientAsync("flood-producer");
        producer.DefaultRequestHeaders.Add(ProductionPortalFactory.ClientHeader, "203.0.113.90");
        var events = Enumerable.Range(0, 101).Select(i =>
            Event("flood", "8000", i));
        var rawInputs = await portal.ScalarAsync<long>("SELECT count(*) FROM raw_inputs");

        var response = await producer.PostAsync("/api/v1/lineage", Json("[" + string.Join(",", events) + "]"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("more than 100 events (Plugins:openlineage:MaxEventsPerRequest)", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(rawInputs, await portal.ScalarAsync<long>("SELECT count(*) FROM raw_inputs"));
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM entities WHERE namespace = 'flood'"));
    }

    [Fact]
    public async Task An_ingest_request_past_the_time_bound_is_a_413_naming_it_and_none_of_its_events_are_applied()
    {
        await using var hurried = portal.WithWebHostBuilder(b => b.UseSetting("Plugins:openlineage:MaxProcessingSeconds", "0"));
        using var producer = await ((CatalogWebFactory)portal).CreateIngestClientAsync("hurried-producer");
        using var client = hurried.CreateClient();
        client.DefaultRequestHeaders.Authorization = producer.DefaultRequestHeaders.Authorization;
        var events = Enumerable.Range(0, 3).Select(i =>
            Event("hurried", "9000", i));

        var response = await client.PostAsync("/api/v1/lineage", Json("[" + string.Join(",", events) + "]"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Plugins:openlineage:MaxProcessingSeconds", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM entities WHERE namespace = 'hurried'"));
    }

    [Theory]
    [InlineData("Mnw0fDB8OTk5OTk5OTk5fGFiY2RlZjAxMjM0NQ")] // base64url of the old unsigned format "2|0|0|999999999|abcdef012345"
    [InlineData("not-a-cursor")]
    public async Task A_forged_search_cursor_is_a_400_problem(string cursor)
    {
        using var client = portal.Anonymous();

        var response = await client.GetAsync($"/api/search?q=orders&cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_tampered_search_cursor_is_a_400_and_an_issued_one_pages()
    {
        await SeedDatasetsAsync("tamper", 3);
        using var client = portal.Anonymous();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/search?q=tamper&limit=1");
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var tampered = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];

        var next = await client.GetAsync($"/api/search?q=tamper&limit=1&cursor={Uri.EscapeDataString(cursor)}");
        var forged = await client.GetAsync($"/api/search?q=tamper&limit=1&cursor={Uri.EscapeDataString(tampered)}");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("altered", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Paging_stops_at_the_cursor_depth_bound()
    {
        await SeedDatasetsAsync("deep", 5);
        await using var shallow = portal.WithWebHostBuilder(b => b.UseSetting("Plugins:search:MaxCursorDepth", "2"));
        using var client = shallow.CreateClient();

        var pages = new List<JsonElement> { await client.GetFromJsonAsync<JsonElement>("/api/search?q=deep&limit=1") };
        while (pages[^1].GetProperty("nextCursor").GetString() is { } cursor && pages.Count < 5)
            pages.Add(await client.GetFromJsonAsync<JsonElement>($"/api/search?q=deep&limit=1&cursor={Uri.EscapeDataString(cursor)}"));

        // At most two hits may come before a page: pages 1, 2 and 3 of five matches, then no further cursor.
        Assert.Equal(3, pages.Count);
        Assert.Equal(JsonValueKind.Null, pages[^1].GetProperty("nextCursor").ValueKind);
    }

    private static string Event(string ns, string runGroup, int i) =>
        "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-12-01T10:00:00Z\",\"producer\":\"t\"," +
        $"\"run\":{{\"runId\":\"6f1b0a1e-0000-4000-{runGroup}-{i:D12}\"}},\"job\":{{\"namespace\":\"{ns}\",\"name\":\"job{i}\"}}}}";

    private Task SeedDatasetsAsync(string word, int count) => portal.ExecuteAsync(
        $"INSERT INTO entities (kind, namespace, name, platform) SELECT 'dataset', 'abuse', '{word}_' || g, 'postgres' FROM generate_series(1, {count}) g ON CONFLICT DO NOTHING");
}
