using System.Net;
using Catalog.Testing;

namespace Catalog.Web.Tests.Host;

/// <summary>
/// Static files in Production, the environment <c>./catalog.sh start</c> runs in: the portal's own, those of the
/// built-in plugins it references (<c>/_content/{assembly}/</c>), and the <c>wwwroot</c> of a plugin loaded by path.
/// </summary>
public sealed class StaticContentTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>
{
    [Theory]
    [InlineData("/_content/Catalog.Plugins.Lineage/lineage.js", "text/javascript")]
    [InlineData("/_content/Catalog.Plugins.Lineage/lineage-keys.js", "text/javascript")]
    [InlineData("/_content/Catalog.Plugins.Lineage/lineage.css", "text/css")]
    [InlineData("/_content/Catalog.Plugins.Cost/cost-charts.js", "text/javascript")]
    [InlineData("/_content/Catalog.Plugins.Search/search.js", "text/javascript")]
    [InlineData("/css/catalog.css", "text/css")]
    [InlineData("/lib/cytoscape/cytoscape.min.js", "text/javascript")]
    public async Task A_static_file_of_the_portal_or_a_built_in_plugin_is_served_in_production(string path, string mediaType)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_plugin_loaded_by_path_serves_the_wwwroot_next_to_its_assembly_and_its_page_links_it()
    {
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/hello");
        var href = page.QuerySelector("link[data-testid=hello-stylesheet]")?.GetAttribute("href");
        var response = await client.GetAsync(href);

        Assert.Equal("/_content/Catalog.Samples.HelloPlugin/hello.css", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".hello-greeting", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_content/Catalog.Samples.HelloPlugin/Catalog.Samples.HelloPlugin.dll")]
    [InlineData("/_content/Catalog.Samples.HelloPlugin/%2e%2e/Catalog.Samples.HelloPlugin.dll")]
    [InlineData("/_content/Catalog.Samples.HelloPlugin/..%2fCatalog.Samples.HelloPlugin.deps.json")]
    public async Task Only_the_wwwroot_of_a_plugin_loaded_by_path_is_served_not_the_folder_of_its_assembly(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Every_page_names_an_icon_that_is_served_and_favicon_ico_answers_with_the_same_icon()
    {
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/");
        var href = page.QuerySelector("head link[rel=icon]")?.GetAttribute("href");
        var linked = await client.GetAsync(href);
        var legacy = await client.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("image/svg+xml", linked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("image/svg+xml", legacy.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await linked.Content.ReadAsStringAsync(), await legacy.Content.ReadAsStringAsync());
    }
}
