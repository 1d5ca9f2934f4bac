using Microsoft.Playwright;

namespace Catalog.BrowserTests.Host;

/// <summary>
/// The README's promise, checked in Chromium against a portal started exactly as the README says (see
/// <see cref="FirstStartPortal"/>): on the home page, a search, the lineage tab of a sample dataset and the cost
/// pages, every script and stylesheet answers 200, nothing is logged as an error, and what those scripts draw is drawn.
/// </summary>
[Trait("Category", "Smoke")]
public sealed class FirstStartSmokeTests(FirstStartPortal portal) : IClassFixture<FirstStartPortal>
{
    private const string Plays = "/entity/dataset/bigquery/tunewave-prod.listening.plays";

    [Fact]
    public async Task The_home_page_loads_every_script_and_stylesheet_without_console_errors()
    {
        var (page, watch) = await OpenAsync("/");

        await Assertions.Expect(page.Locator("form[role=search]").First).ToBeVisibleAsync();
        await AssertAllReferencedFilesServedAsync(page);
        watch.AssertClean(portal.Log);
        // The sample catalog is alive on any date: its simulated scheduler ran the sample's workflows in the last day.
        var runs = int.Parse(await page.GetByTestId("runs-24h").InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(runs > 0, $"the home page shows {runs} runs in the last 24 h");
    }

    [Fact]
    public async Task A_search_offers_suggestions_while_typing_and_finds_the_plays_dataset()
    {
        var (page, watch) = await OpenAsync("/search");

        var box = page.Locator("#search-q");
        await box.PressSequentiallyAsync("plays");
        // search.js filled the datalist from /api/search/suggest.
        await Assertions.Expect(page.Locator("#search-suggestions option").First).ToBeAttachedAsync();
        Assert.True(await page.Locator("#search-suggestions option").CountAsync() > 0);
        await box.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("search-results").Locator($"a[href='{Plays}']")).ToHaveCountAsync(1);

        await AssertAllReferencedFilesServedAsync(page);
        watch.AssertClean(portal.Log);
    }

    [Fact]
    public async Task The_lineage_tab_of_the_plays_dataset_draws_its_graph()
    {
        var (page, watch) = await OpenAsync(Plays + "/lineage");

        await page.Locator("[data-lineage-root][data-lineage-ready=true]").WaitForAsync();
        // Cytoscape drew the dataset and its neighbours on its canvas.
        var nodes = await page.EvaluateAsync<int>("() => window.catalogLineage.cy.nodes().length");
        Assert.True(nodes > 1, $"{nodes} lineage nodes drawn");
        Assert.True(await page.Locator("[data-lineage-canvas] canvas").CountAsync() > 0);

        // The plain list: each table's caption is its heading, drawn above the table, not below it.
        await page.GetByRole(AriaRole.Button, new() { Name = "List" }).ClickAsync();
        var table = page.Locator("[data-lineage-list] table").First;
        await Assertions.Expect(table).ToBeVisibleAsync();
        var caption = (await table.Locator("caption").BoundingBoxAsync())!;
        var head = (await table.Locator("thead").BoundingBoxAsync())!;
        Assert.True(caption.Y + caption.Height <= head.Y + 1, $"caption at y={caption.Y}, table head at y={head.Y}");

        await AssertAllReferencedFilesServedAsync(page);
        watch.AssertClean(portal.Log);
    }

    [Fact]
    public async Task The_cost_overview_and_a_team_cost_page_draw_their_charts()
    {
        var (page, watch) = await OpenAsync("/cost");
        // The cost plugin takes the sample's daily snapshots in the background just after the first start: reload
        // (bounded) until they are there. Month to date, a team has spent something (the sample's costs lie
        // relative to now), not the 0.00 of a catalog frozen on the day it was written.
        // The back-fill goes from the oldest day to today, so the previous month's lines appear before this month's.
        var teamAmounts = page.GetByTestId("cost-teams").Locator("tbody tr:has(a) td:nth-of-type(1)");
        static decimal Amount(string text) => decimal.Parse(text.Split(' ')[0], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        var amounts = await teamAmounts.AllInnerTextsAsync();
        for (var attempt = 0; attempt < 40 && !amounts.Any(a => Amount(a) > 0); attempt++)
        {
            await page.WaitForTimeoutAsync(3000);
            await page.ReloadAsync();
            amounts = await teamAmounts.AllInnerTextsAsync();
        }
        Assert.NotEmpty(amounts);
        Assert.Contains(amounts, a => Amount(a) > 0);
        await AssertChartsDrawnAsync(page);
        await AssertAllReferencedFilesServedAsync(page);

        await page.GetByTestId("cost-teams").Locator("tbody a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cost/team"));
        await AssertChartsDrawnAsync(page);
        await AssertAllReferencedFilesServedAsync(page);
        watch.AssertClean(portal.Log);
    }

    private async Task<(IPage Page, PageWatch Watch)> OpenAsync(string path)
    {
        var page = await portal.NewPageAsync();
        var watch = new PageWatch(page);
        // Bounded, but above Playwright's 30 s: the first render of a page in a freshly started portal (JIT, the
        // lineage snapshot) took 37 s on a CI machine shared by eight builds. Later navigations keep the default.
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        return (page, watch);
    }

    // Every chart box holds the SVG ECharts drew into it.
    private static async Task AssertChartsDrawnAsync(IPage page)
    {
        var charts = page.Locator("[data-cost-chart]");
        await Assertions.Expect(charts.First).ToHaveAttributeAsync("data-drawn", "true");
        var count = await charts.CountAsync();
        Assert.True(count > 0, "no chart boxes on " + page.Url);
        for (var i = 0; i < count; i++)
        {
            await Assertions.Expect(charts.Nth(i)).ToHaveAttributeAsync("data-drawn", "true");
            Assert.True(await charts.Nth(i).Locator("svg, canvas").CountAsync() > 0, $"chart {i} on {page.Url} is empty");
        }
    }

    private static async Task AssertAllReferencedFilesServedAsync(IPage page)
    {
        var urls = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('script[src], link[rel=stylesheet][href], link[rel=icon][href]')]
                  .map(e => e.src || e.href)
            """);
        Assert.NotEmpty(urls);
        foreach (var url in urls.Append(new Uri(new Uri(page.Url), "/favicon.ico").ToString()))
        {
            var response = await page.APIRequest.GetAsync(url);
            Assert.True(response.Status == 200, $"{url} answered {response.Status} on {page.Url}");
        }
    }

    /// <summary>Console errors, uncaught exceptions and failed requests of one page, from before its first navigation.</summary>
    private sealed class PageWatch
    {
        private readonly List<string> problems = [];

        public PageWatch(IPage page)
        {
            page.Console += (_, message) => { if (message.Type == "error") Add($"console error: {message.Text}"); };
            page.PageError += (_, error) => Add($"uncaught: {error}");
            page.Response += (_, response) => { if (response.Status >= 400) Add($"{response.Status} {response.Url}"); };
            // An autocomplete request superseded by the next keystroke is aborted on purpose (AbortController).
            page.RequestFailed += (_, request) => { if (request.Failure != "net::ERR_ABORTED") Add($"failed {request.Url}: {request.Failure}"); };
        }

        private void Add(string problem) { lock (problems) problems.Add(problem); }

        public void AssertClean(string portalLog)
        {
            lock (problems) Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n--- portal log ---\n" + portalLog);
        }
    }
}
