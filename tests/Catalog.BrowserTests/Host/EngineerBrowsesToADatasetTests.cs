using Catalog.Testing;
using Microsoft.Playwright;

namespace Catalog.BrowserTests.Host;

public sealed class EngineerBrowsesToADatasetTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await portal.Portal.AddGroupAsync("team-listening", "Listening team");
        await portal.Portal.AddDatasetAsync("music", "plays_hourly", owner: "group:default:team-listening", description: "Every play of a track, hourly.");
        await portal.Portal.AddFieldAsync("music", "plays_hourly", "user_id", "STRING", 0, classification: "pii");
        await portal.Portal.AddFieldAsync("music", "plays_hourly", "track_id", "STRING", 1);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_engineer_opens_the_portal_browses_to_a_dataset_and_sees_its_owner_and_schema()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Browse" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Datasets" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "plays_hourly" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("plays_hourly");
        await Assertions.Expect(page.GetByTestId("entity-owner")).ToHaveTextAsync("Listening team");
        await Assertions.Expect(page.GetByTestId("entity-description")).ToHaveTextAsync("Every play of a track, hourly.");
        var columns = page.GetByTestId("schema-table").Locator("tbody tr");
        await Assertions.Expect(columns).ToHaveCountAsync(2);
        await Assertions.Expect(columns.First).ToContainTextAsync("user_id");
        await Assertions.Expect(columns.First).ToContainTextAsync("PII");
        // The stylesheet from npm is served and applied: Tabler's system font stack, not the browser's default serif.
        var font = await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily");
        Assert.StartsWith("system-ui", font, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "catalog-entity-page.png"), FullPage = true });
    }
}
