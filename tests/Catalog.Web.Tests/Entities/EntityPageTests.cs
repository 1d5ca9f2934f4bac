using Catalog.Testing;
using System.Net;

namespace Catalog.Web.Tests.Entities;

public sealed class EntityPageTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await factory.AddGroupAsync("team-listening", "Listening team");
        await factory.AddDatasetAsync("music", "plays_hourly", owner: "group:default:team-listening",
            description: "Every play of a track. <script>alert('x')</script>");
        await factory.AddFieldAsync("music", "plays_hourly", "user_id", "STRING", 0, classification: "pii");
        await factory.AddFieldAsync("music", "plays_hourly", "track_id", "STRING", 1);
        await factory.AddDatasetAsync("finance", "payouts", owner: "group:default:team-finance", visibility: "restricted");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Entity_page_shows_name_owner_and_schema_from_the_database()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/entity/dataset/music/plays_hourly");

        Assert.Equal("plays_hourly", page.QuerySelector("[data-testid=entity-name]")?.TextContent.Trim());
        Assert.Equal("Listening team", page.QuerySelector("[data-testid=entity-owner] a")?.TextContent.Trim());
        var columns = page.QuerySelectorAll("[data-testid=schema-table] tbody th code").Select(c => c.TextContent).ToList();
        Assert.Equal(["user_id", "track_id"], columns);
        Assert.Contains("PII", page.QuerySelector("[data-testid=schema-table] tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_a_harvested_description_is_rendered_as_text_not_markup()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/entity/dataset/music/plays_hourly");
        var page = await Html.ParseAsync(html);

        Assert.Contains("<script>alert('x')</script>", page.QuerySelector("[data-testid=entity-description]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_entity_answers_404_with_a_helpful_page()
    {
        var response = await factory.CreateClient().GetAsync("/entity/dataset/music/no_such_table");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No such entity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tab_of_an_existing_entity_answers_404()
    {
        var response = await factory.CreateClient().GetAsync("/entity/dataset/music/plays_hourly/no-such-tab");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Restricted_entity_is_not_found_for_an_anonymous_visitor()
    {
        var page = await factory.CreateClient().GetAsync("/entity/dataset/finance/payouts");
        var api = await factory.CreateClient().GetAsync("/api/entities?ref=dataset:finance:payouts");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task Entities_api_returns_details_and_rejects_a_malformed_reference()
    {
        var client = factory.CreateClient();

        var ok = await client.GetStringAsync("/api/entities?ref=dataset:music:plays_hourly");
        var bad = await client.GetAsync("/api/entities?ref=not-a-ref");

        Assert.Contains("\"user_id\"", ok, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kind:namespace:name", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_lists_visible_datasets_and_hides_restricted_ones()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/entities?kind=dataset");
        var names = page.QuerySelectorAll("[data-testid=browse-table] tbody th a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Contains("plays_hourly", names);
        Assert.DoesNotContain("payouts", names);
    }
}
