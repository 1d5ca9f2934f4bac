using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Catalog.Plugins.Security;
using Catalog.Testing;

namespace Catalog.Web.Tests.Security;

/// <summary>
/// A client's mistake is a precise 4xx, never a 5xx: problem details under <c>/api/</c> (naming the parameter), HTML
/// for pages. Issue 13, hole 4; the portal runs in Production.
/// </summary>
public sealed class BadInputTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    [Theory]
    [InlineData("/api/search?q=a%00b", "q")]
    [InlineData("/api/search/suggest?q=a%00b", "q")]
    [InlineData("/api/entities?ref=dataset:a:b%00c", "ref")]
    [InlineData("/api/v1/lineage?nodeId=dataset:a:b%00c", "nodeId")]
    [InlineData("/api/governance/audit?actor=a%00b", "actor")]
    [InlineData("/api/search?q=tab%09ok&facet=kind:dataset%01", "facet")]
    public async Task A_nul_or_control_character_in_an_api_parameter_is_a_400_problem_naming_it(string path, string parameter)
    {
        using var client = portal.Anonymous();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var errors), problem.ToString());
        Assert.Contains("character", errors[0].GetString());
    }

    [Fact]
    public async Task A_nul_in_the_search_page_query_is_a_400_html_page_naming_the_parameter()
    {
        using var client = portal.Anonymous();

        var response = await client.GetAsync("/search?q=a%00b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Parameter &#39;q&#39; contains a NUL character", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_nul_in_an_openlineage_name_is_a_400_validation_error_of_that_event_not_a_503()
    {
        using var producer = await portal.CreateIngestClientAsync("nul-producer");
        var body = """
            {"eventType":"COMPLETE","eventTime":"2026-12-01T10:00:00Z","producer":"test",
             "run":{"runId":"6f1b0a1e-0000-4000-8000-000000000001"},
             "job":{"namespace":"nul-test","name":"load\u0000orders"},"inputs":[],"outputs":[]}
            """;

        var response = await producer.PostAsync("/api/v1/lineage", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("$.job.name", text);
        Assert.Contains("NUL character", text);
        Assert.DoesNotContain("replayed", text);
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM entities WHERE namespace = 'nul-test'"));
    }

    [Theory]
    [InlineData("/api/v1/lineage?nodeId=dataset:a:b&depth=99999999999", "depth")]
    [InlineData("/api/search?q=orders&limit=abc", "limit")]
    [InlineData("/api/governance/audit?from=yesterday", "from")]
    public async Task A_parameter_that_does_not_bind_is_a_400_problem_naming_it_not_an_html_page(string path, string parameter)
    {
        var auditor = await portal.SessionAsync("audrey", CatalogRoles.Auditor);

        var response = await auditor.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(parameter, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task An_unknown_api_route_is_a_404_problem_for_every_method(string method)
    {
        using var client = portal.Anonymous();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/no-such-thing/42"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_on_a_known_api_route_is_a_405_problem()
    {
        using var client = portal.Anonymous();

        var response = await client.PutAsync("/api/search", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_still_answers_the_html_not_found_page()
    {
        using var client = portal.Anonymous();

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("Page not found", StringComparison.Ordinal), body.Length > 3000 ? body[..3000] : body);
    }

    [Fact]
    public async Task The_audit_csv_export_answers_a_script_401_not_a_redirect_to_the_sign_in_page()
    {
        using var client = portal.Anonymous();

        var response = await client.GetAsync("/audit/export.csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("1900-01-01")]
    public async Task A_cost_snapshot_of_a_day_outside_the_history_window_is_a_400_naming_day_and_takes_nothing(string day)
    {
        var admin = await portal.SessionAsync("adele", CatalogRoles.Admin);

        var response = await admin.Client.PostAsync($"/api/v1/cost/snapshots?day={day}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("between", problem.GetProperty("errors").GetProperty("day")[0].GetString());
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM cost_daily_snapshots WHERE day = @d::date", ("d", day)));
    }

    [Fact]
    public async Task A_cost_snapshot_of_tomorrow_is_refused_and_of_today_is_taken()
    {
        var admin = await portal.SessionAsync("adele", CatalogRoles.Admin);
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

        var tomorrow = await admin.Client.PostAsync($"/api/v1/cost/snapshots?day={today.AddDays(1):yyyy-MM-dd}", null);
        var now = await admin.Client.PostAsync($"/api/v1/cost/snapshots?day={today:yyyy-MM-dd}", null);

        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
    }
}
