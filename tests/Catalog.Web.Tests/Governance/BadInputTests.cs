using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Catalog.Web.Tests.Governance;

/// <summary>Bad input gets a precise message, a 400, and nothing saved — not even part of it.</summary>
[Collection(GovernanceCollection.Name)]
public sealed class BadInputTests(GovernanceWebFactory portal)
{
    private string Api => $"/api/governance/entities/{portal.Seed.Customers}";

    private Task<int?> PortalVersionAsync() =>
        portal.ScalarAsync<int?>("SELECT version FROM retention_policies WHERE scope = 'entity' AND entity_id = @id AND origin = 'portal'", ("id", portal.Seed.Customers));

    private Task<string?> RetentionRowAsync() =>
        portal.ScalarAsync<string>("SELECT string_agg(concat_ws(',', mode, value, justification, version), ';') FROM retention_policies WHERE entity_id = @id", ("id", portal.Seed.Customers));

    [Theory]
    [InlineData("keep_days", "0", "value", "between 1 and 36500")]
    [InlineData("keep_days", "abc", "value", "'abc' is not a whole number")]
    [InlineData("keep_days", "", "value", "Enter a number")]
    [InlineData("keep_weeks", "3", "mode", "'keep_weeks' is not one of them")]
    [InlineData("keep_days", "31", "value", "Data classified pii may be kept at most 30 days; 31 days were asked for.")]
    [InlineData("keep_forever", "", "mode", "cannot be kept forever")]
    public async Task Invalid_retention_is_rejected_with_a_message_naming_the_field_and_nothing_is_saved(string mode, string value, string field, string message)
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var before = await RetentionRowAsync();

        var response = await owner.PutJsonAsync($"{Api}/retention", new { mode, value, justification = "because", version = await PortalVersionAsync() ?? 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await RetentionRowAsync());
    }

    [Fact]
    public async Task The_retention_form_shows_the_pii_cap_next_to_the_value_and_keeps_what_was_typed()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var before = await RetentionRowAsync();

        var response = await owner.PostFormAsync($"/governance/policies/{portal.Seed.Customers}", "gov-retention", new()
        {
            ["RetentionInput.Mode"] = "keep_days", ["RetentionInput.Value"] = "400", ["RetentionInput.Version"] = (await PortalVersionAsync() ?? 0).ToString(),
            ["RetentionInput.Intent"] = "save",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Data classified pii may be kept at most 30 days; 400 days were asked for.", page.QuerySelector("[data-outcome=invalid] li[data-field=value]")?.TextContent);
        Assert.Equal("400", page.QuerySelector("#retention-value")?.GetAttribute("value"));
        Assert.Equal(before, await RetentionRowAsync());
    }

    [Fact]
    public async Task A_grant_to_an_unknown_group_is_rejected_and_not_saved()
    {
        var owner = await portal.SessionAsync(Personas.Owner);

        var response = await owner.PostJsonAsync($"{Api}/grants", new { principal = "group:default:no-such-team", permission = "read", reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is no group or user group:default:no-such-team in the catalog", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM access_grants WHERE principal_ref = 'group:default:no-such-team'"));
    }

    [Fact]
    public async Task A_grant_on_pii_data_without_a_reason_is_rejected()
    {
        var owner = await portal.SessionAsync(Personas.Owner);

        var response = await owner.PostJsonAsync($"{Api}/grants", new { principal = "group:default:marketing", permission = "write" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Access to PII needs a reason", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversize_reasons_and_justifications_are_rejected_not_truncated()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var before = await RetentionRowAsync();
        var huge = new string('x', 5_000);

        var retention = await owner.PutJsonAsync($"{Api}/retention", new { mode = "keep_days", value = "10", reason = huge, version = await PortalVersionAsync() ?? 0 });
        var request = await owner.PostJsonAsync($"/api/governance/entities/{portal.Seed.Campaigns}/access-requests", new { permission = "read", reason = huge });
        var classify = await owner.PutJsonAsync($"{Api}/classification", new { field = "city", classification = "pii", version = 1, reason = huge });

        Assert.All([retention, request, classify], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("longer than 4096 characters", await retention.Content.ReadAsStringAsync());
        Assert.Equal(before, await RetentionRowAsync());
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM access_requests WHERE length(reason) > 4096"));
    }

    [Fact]
    public async Task A_column_that_does_not_exist_cannot_be_classified_and_the_version_is_not_bumped()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var version = await portal.ScalarAsync<int>("SELECT version FROM entities WHERE id = @id", ("id", portal.Seed.Customers));

        var response = await owner.PutJsonAsync($"{Api}/classification", new { field = "no_such_column", classification = "pii", version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no column named 'no_such_column'", await response.Content.ReadAsStringAsync());
        Assert.Equal(version, await portal.ScalarAsync<int>("SELECT version FROM entities WHERE id = @id", ("id", portal.Seed.Customers)));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_saves_nothing()
    {
        var owner = await portal.SessionAsync(Personas.Owner);
        var before = await RetentionRowAsync();

        var response = await owner.PostFormAsync($"/governance/policies/{portal.Seed.Customers}", "gov-retention", new()
        {
            ["RetentionInput.Mode"] = "keep_days", ["RetentionInput.Value"] = "5", ["RetentionInput.Version"] = (await PortalVersionAsync() ?? 0).ToString(),
            ["RetentionInput.Intent"] = "save",
        }, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await RetentionRowAsync());
    }

    [Fact]
    public async Task Script_in_a_request_reason_is_shown_as_text_to_the_owner_and_the_auditor()
    {
        var viewer = await portal.SessionAsync(Personas.Viewer);
        await portal.ExecuteAsync("DELETE FROM access_requests WHERE requester_ref = 'user:default:victor' AND status = 'pending'");
        var script = "<script>alert('owned')</script><img src=x onerror=alert(1)>";
        var created = await viewer.PostJsonAsync($"{Api}/access-requests", new { permission = "write", reason = script });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var ownerPage = await (await portal.SessionAsync(Personas.Owner)).Client.GetStringAsync("/access-requests");
        var auditPage = await (await portal.SessionAsync(Personas.Auditor)).Client.GetStringAsync("/audit?action=access-request");

        foreach (var html in new[] { ownerPage, auditPage })
        {
            Assert.DoesNotContain("<script>alert('owned')", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;", html);
        }
    }
}
