using Catalog.Storage;
using Microsoft.Playwright;

namespace Catalog.BrowserTests.Lineage;

/// <summary>The lineage tab in a real browser: the graph is drawn from the API and reacts like a user expects.</summary>
public sealed class EngineerExploresLineageTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await LineageSeed.PipelineAsync(portal.Portal);
        await LineageSeed.FanOutAsync(portal.Portal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<string[]> DrawnAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => window.catalogLineage.cy.nodes().map(n => n.id())");

    private static async Task OpenLineageTabAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-lineage-root][data-lineage-ready=true]").WaitForAsync();
    }

    [Fact]
    public async Task An_engineer_opens_a_datasets_lineage_tab_sees_its_jobs_drawn_expands_one_and_switches_to_columns()
    {
        var page = await portal.NewPageAsync();
        await OpenLineageTabAsync(page, "/entity/dataset/shop/mart.orders/lineage");

        // One hop: the job that writes it and the job that reads it.
        Assert.Equal(new[] { "dataset:shop:mart.orders", "job:shop:daily_report", "job:shop:etl_orders" }, (await DrawnAsync(page)).Order());
        await Assertions.Expect(page.Locator("[data-lineage-list]")).ToBeHiddenAsync();

        // Double-click the reading job where it is drawn: its output appears.
        var at = await page.EvaluateAsync<double[]>("""
            () => { const p = window.catalogLineage.cy.getElementById('job:shop:daily_report').renderedPosition(); return [p.x, p.y]; }
            """);
        var box = (await page.Locator("[data-lineage-canvas]").BoundingBoxAsync())!;
        await page.Mouse.DblClickAsync((float)(box.X + at[0]), (float)(box.Y + at[1]));
        await page.WaitForFunctionAsync("() => window.catalogLineage.cy.getElementById('dataset:shop:mart.daily_revenue').nonempty()");
        await Assertions.Expect(page.Locator("[data-lineage-status]")).ToContainTextAsync("4 nodes shown");

        // Column view: columns drawn inside their datasets, edges column to column.
        await page.GetByRole(AriaRole.Button, new() { Name = "Columns" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.catalogLineage.cy.nodes('[type = \"DATASET_FIELD\"]').length === 3");
        var columns = await page.EvaluateAsync<string[]>("() => window.catalogLineage.cy.nodes('[type = \"DATASET_FIELD\"]').map(n => n.id() + ' in ' + n.parent().id())");
        Assert.Contains("datasetField:shop:mart.orders:amount in dataset:shop:mart.orders", columns);
        Assert.Contains("datasetField:shop:raw.orders:amount_cents in dataset:shop:raw.orders", columns);

        // The plain list is one click away and lists the same lineage.
        await page.GetByRole(AriaRole.Button, new() { Name = "List" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-lineage-list] table").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-lineage-list]")).ToContainTextAsync("etl_orders");
    }

    [Fact]
    public async Task A_thousand_node_lineage_is_drawn_as_groups_that_open_a_page_at_a_time()
    {
        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 1000);
        var api = await page.APIRequest.GetAsync("/api/v1/lineage?nodeId=dataset:events:raw.plays&depth=2&direction=downstream");
        var body = await api.JsonAsync();
        Assert.Equal(1001, body!.Value.GetProperty("graph").GetArrayLength());
        await OpenLineageTabAsync(page, "/entity/dataset/events/raw.plays/lineage");

        // Forty readers are one group node; opening it draws eight and keeps "+32 more downstream".
        Assert.Equal(["dataset:events:raw.plays", "group:downstream:dataset:events:raw.plays"], (await DrawnAsync(page)).Order());
        await page.EvaluateAsync("() => window.catalogLineage.expandGroup('group:downstream:dataset:events:raw.plays')");
        Assert.Equal(10, (await DrawnAsync(page)).Length);
        await Assertions.Expect(page.Locator("[data-lineage-status]")).ToContainTextAsync("10 nodes shown, 1 grouped");

        // Each drawn job's 24 outputs become one group; opening one draws eight of them.
        await page.EvaluateAsync("""
            async () => {
              const jobs = window.catalogLineage.cy.nodes('[type = "JOB"]').map(n => n.id());
              for (const job of jobs) await window.catalogLineage.expand(job);
              window.catalogLineage.expandGroup('group:downstream:job:events:aggregate_01');
            }
            """);
        var drawn = await DrawnAsync(page);
        Assert.Equal(1 + 9 + 8 + 8, drawn.Length);
        Assert.Contains("dataset:events:mart_01.table_01", drawn);
        Assert.Contains("group:downstream:job:events:aggregate_02", drawn);

        var images = Path.Combine(RepositoryPaths.FindRoot()!, "docs", "images");
        Directory.CreateDirectory(images);
        await page.Locator("[data-lineage-root]").ScreenshotAsync(new() { Path = Path.Combine(images, "lineage-1000-nodes.png") });
    }
}
