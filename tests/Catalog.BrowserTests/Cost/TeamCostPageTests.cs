using Catalog.Plugins.Cost.Snapshots;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Catalog.BrowserTests.Cost;

/// <summary>
/// Twenty days of a team's storage and runs before a fixed mid-month day: the overview and team page rank this
/// month's spenders, so the portal's clock is fixed (on the first days of a real month there would be nothing yet).
/// </summary>
public sealed class TeamCostPageTests(TeamCostPageTests.MidMonthPortal portal) : IClassFixture<TeamCostPageTests.MidMonthPortal>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public sealed class MidMonthPortal : PortalFixture
    {
        protected override TimeProvider? Clock { get; } = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
    }

    public async Task InitializeAsync()
    {
        await portal.Portal.ExecuteAsync($$"""
            INSERT INTO entities (kind, namespace, name, owner_ref, platform) VALUES
              ('dataset', 'music', 'plays_daily', 'group:default:team-listening', 'gcs'),
              ('job', 'music', 'build_plays', 'group:default:team-listening', 'spark')
            ON CONFLICT DO NOTHING;
            INSERT INTO datasets (entity_id, partitioning) SELECT id, 'daily' FROM entities WHERE kind = 'dataset' ON CONFLICT DO NOTHING;
            INSERT INTO jobs (entity_id) SELECT id FROM entities WHERE kind = 'job' ON CONFLICT DO NOTHING;
            INSERT INTO partitions (dataset_id, partition_key, granularity, bytes, created_at)
            SELECT e.id, to_char(d, 'YYYY-MM-DD'), 'daily', 53687091200, d + interval '1 day 1 hour'
            FROM entities e, generate_series('{{Today:yyyy-MM-dd}}'::date - 20, '{{Today:yyyy-MM-dd}}'::date - 1, interval '1 day') d WHERE e.kind = 'dataset'
            ON CONFLICT DO NOTHING;
            INSERT INTO runs (id, job_id, state, started_at, ended_at)
            SELECT md5(d::text)::uuid, e.id, 'completed', d + interval '1 hour', d + interval '3 hours'
            FROM entities e, generate_series('{{Today:yyyy-MM-dd}}'::date - 20, '{{Today:yyyy-MM-dd}}'::date - 1, interval '1 day') d WHERE e.kind = 'job'
            ON CONFLICT DO NOTHING;
            """);
        await portal.Portal.Services.GetRequiredService<CostSnapshotter>().BackfillAsync(Today.AddDays(-21), Today);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_owner_opens_the_cost_overview_goes_to_their_team_and_sees_a_chart_and_the_top_spenders()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/cost");
        await page.GetByTestId("cost-teams").GetByRole(AriaRole.Link, new() { Name = "group:default:team-listening" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("group:default:team-listening");
        // ECharts drew the daily chart: an SVG inside the chart element with one bar series per cost kind.
        var chart = page.Locator("[data-cost-chart=daily]");
        await Assertions.Expect(chart.Locator("svg")).ToHaveCountAsync(1);
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-drawn", "true");
        Assert.True(await chart.Locator("svg path").CountAsync() > 10);
        var spenders = page.GetByTestId("cost-top-spenders").Locator("tbody tr");
        await Assertions.Expect(spenders).ToHaveCountAsync(2);
        await Assertions.Expect(spenders.First).ToContainTextAsync("build_plays");
        await Assertions.Expect(page.Locator("[data-cost-chart=bars] svg")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "catalog-team-cost.png"), FullPage = true });
    }
}
