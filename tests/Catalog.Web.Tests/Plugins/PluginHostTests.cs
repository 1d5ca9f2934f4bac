using Catalog.Testing;
using System.Net;

namespace Catalog.Web.Tests.Plugins;

public sealed class PluginHostTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.AddDatasetAsync("music", "tracks", owner: "group:default:team-catalog");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Navigation_includes_the_item_of_a_plugin_loaded_from_configuration()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/");

        Assert.Contains(page.QuerySelectorAll("nav[aria-label=Main] a"), a => a.GetAttribute("href") == "/hello" && a.TextContent == "Hello");
    }

    [Fact]
    public async Task A_plugin_page_and_endpoint_are_served_with_its_configured_options()
    {
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/hello");
        var api = await client.GetStringAsync("/api/hello");

        Assert.Equal("Hello from a plugin", page.QuerySelector("[data-testid=hello-title]")?.TextContent);
        Assert.Contains("Hello from a plugin", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_plugin_card_shows_an_error_in_its_frame_and_the_rest_of_the_page_renders()
    {
        var response = await factory.CreateClient().GetAsync("/entity/dataset/music/tracks");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("failed on purpose", page.QuerySelector("[data-testid=plugin-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("tracks", page.QuerySelector("[data-testid=hello-card]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("tracks", page.QuerySelector("[data-testid=entity-name]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Plugins_page_lists_the_sample_plugin_as_loaded()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/plugins");

        var row = page.QuerySelector("tr[data-plugin=hello]");
        Assert.NotNull(row);
        Assert.Contains("loaded", row.TextContent, StringComparison.Ordinal);
    }
}
