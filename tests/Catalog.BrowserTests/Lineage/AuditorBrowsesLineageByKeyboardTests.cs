using Catalog.Harvesting;
using Catalog.Plugins.OpenLineage;
using Catalog.Plugins.OpenLineage.Files;
using Catalog.Storage;
using Catalog.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Npgsql;

namespace Catalog.BrowserTests.Lineage;

/// <summary>
/// The lineage graph without a mouse, over Marquez's food_delivery seed harvested by the real OpenLineage
/// harvester: public.delivery_7_days is written by etl_delivery_7_days, which reads five tables.
/// </summary>
public sealed class AuditorBrowsesLineageByKeyboardTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private const string DeliveryTab = "/entity/dataset/food_delivery/public.delivery_7_days/lineage";

    public async Task InitializeAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Portal.ConnectionString);
        var runner = new HarvestRunner(
            [new OpenLineageFileHarvester(Options.Create(new OpenLineageOptions()))],
            new HarvestEngine(dataSource, Options.Create(new HarvestingOptions())), NullLogger<HarvestRunner>.Instance);
        await runner.RunAsync("openlineage", Corpus.Path("openlineage", "events", "marquez", "seed", "metadata.json"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ILocator Graph(IPage page) =>
        page.GetByRole(AriaRole.Application, new() { Name = "Lineage graph of dataset:food_delivery:public.delivery_7_days", Exact = false });

    private static ILocator Announcement(IPage page) => page.Locator("[data-lineage-announce]");

    /// <summary>Tabs from the last toolbar button into the graph, as a keyboard user arrives there.</summary>
    private static async Task<IPage> TabIntoGraphAsync(PortalFixture portal)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync(DeliveryTab);
        await page.Locator("[data-lineage-root][data-lineage-ready=true]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Graph(page)).ToBeFocusedAsync();
        return page;
    }

    [Fact]
    public async Task An_auditor_walks_upstream_by_keyboard_to_orders_7_days_and_opens_its_page()
    {
        var page = await TabIntoGraphAsync(portal);

        // Focus lands on the entity itself, with a visible ring and instructions for screen readers.
        Assert.Equal("solid", await Graph(page).EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await Assertions.Expect(Graph(page)).ToHaveAttributeAsync("aria-describedby", "lineage-keys-help");
        await Assertions.Expect(Announcement(page)).ToHaveTextAsync("Dataset public.delivery_7_days in food_delivery (this entity). 1 upstream, 1 downstream.");

        // Left: the job that writes it, not yet expanded: it reads five tables, none drawn yet.
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(Announcement(page)).ToHaveTextAsync(
            "Job etl_delivery_7_days in food_delivery. 5 upstream (0 drawn), 1 downstream. Press Space to expand it. 1 of 1 upstream of public.delivery_7_days.");

        // Space draws the five tables it reads.
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Announcement(page)).ToContainTextAsync("Expanded. Job etl_delivery_7_days in food_delivery. 5 upstream, 1 downstream.");

        // Left onto one of them, then Down through the siblings until orders_7_days.
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(Announcement(page)).ToContainTextAsync(" of 5 upstream of etl_delivery_7_days.");
        var seen = new List<string>();
        for (var i = 0; i < 5 && !(await Announcement(page).TextContentAsync())!.StartsWith("Dataset public.orders_7_days ", StringComparison.Ordinal); i++)
        {
            seen.Add((await Announcement(page).TextContentAsync())!);
            await page.Keyboard.PressAsync("ArrowDown");
        }
        await Assertions.Expect(Announcement(page)).ToContainTextAsync("Dataset public.orders_7_days in food_delivery. 1 upstream (0 drawn), 1 downstream. Press Space to expand it.");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal("job:food_delivery:etl_delivery_7_days", await page.EvaluateAsync<string>(
            "() => window.catalogLineage.cy.nodes('.current').outgoers('node').map(n => n.id()).join()"));

        var images = Path.Combine(RepositoryPaths.FindRoot()!, "docs", "images");
        Directory.CreateDirectory(images);
        await page.Locator("[data-lineage-root]").ScreenshotAsync(new() { Path = Path.Combine(images, "lineage-keyboard.png") });

        // Enter opens the entity page of the current node.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/entity/dataset/food_delivery/public.orders_7_days");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("orders_7_days");
    }

    [Fact]
    public async Task Escape_leaves_the_graph_for_where_focus_came_from_and_home_returns_to_the_entity()
    {
        var page = await TabIntoGraphAsync(portal);
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Announcement(page)).ToContainTextAsync("Job delivery_times_7_days in food_delivery.");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Announcement(page)).ToHaveTextAsync("Nothing downstream of delivery_times_7_days is drawn. Press Space to expand it.");

        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(Announcement(page)).ToContainTextAsync("Dataset public.delivery_7_days in food_delivery (this entity).");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fit" })).ToBeFocusedAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.catalogLineage.cy.nodes('.current').length"));
    }
}
