using Catalog.Testing;
namespace Catalog.Web.Tests.Host;

public sealed class HomePageTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await factory.AddDatasetAsync("music", "plays_hourly");
        await factory.AddDatasetAsync("music", "tracks");
        await factory.AddGroupAsync("team-listening", "Listening team");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Home_page_counts_the_entities_in_the_catalog_by_kind()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/");

        Assert.Equal("2", page.QuerySelector("[data-testid=count-dataset]")?.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-testid=count-group]")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
    }

    [Fact]
    public async Task Every_page_has_a_main_landmark_a_skip_link_and_labelled_navigation()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/");

        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("nav[aria-label=Main]"));
        Assert.Equal("home-search", page.QuerySelector("label[for=home-search]")?.GetAttribute("for"));
    }

    [Fact]
    public async Task Database_health_check_reports_healthy()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_a_page_that_leads_back()
    {
        var response = await factory.CreateClient().GetAsync("/no/such/page");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }
}
