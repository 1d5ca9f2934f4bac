using Catalog.Testing;
using Microsoft.Playwright;

namespace Catalog.BrowserTests.Search;

public sealed class EngineerSearchesForADatasetTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await portal.Portal.AddGroupAsync("team-listening", "Listening team");
        await portal.Portal.AddDatasetAsync("music", "plays_hourly", owner: "group:default:team-listening", description: "Every play of a track, hourly.");
        await portal.Portal.AddDatasetAsync("music", "plays_daily", owner: "group:default:team-charts", description: "Plays per track and day.");
        await portal.Portal.AddDatasetAsync("podcasts", "plays_raw", owner: "group:default:team-pods", description: "Raw podcast plays.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_engineer_types_a_query_narrows_by_a_facet_and_opens_a_result()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();

        var box = page.GetByLabel("Find datasets, jobs, event types, teams");
        await box.PressSequentiallyAsync("plays");
        // Autocomplete (progressive enhancement) offers the names as the engineer types.
        await Assertions.Expect(page.Locator("#search-suggestions option[value='plays_hourly']")).ToHaveCountAsync(1);
        await box.PressAsync("Enter");
        var results = page.GetByTestId("search-results").Locator("li");
        await Assertions.Expect(results).ToHaveCountAsync(3);

        await page.GetByTestId("search-facets").Locator("[data-facet='namespace'] a[data-facet-value='music']").ClickAsync();
        await Assertions.Expect(results).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("search-summary")).ToContainTextAsync("2 results");

        await page.GetByRole(AriaRole.Link, new() { Name = "plays_hourly" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("plays_hourly");
        await Assertions.Expect(page.GetByTestId("entity-owner")).ToHaveTextAsync("Listening team");
    }
}
