using Catalog.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Harvesting;

public sealed class HarvestRunsPageTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>
{
    [Fact]
    public async Task A_pushed_event_shows_on_the_harvest_runs_page_as_its_hours_push_run()
    {
        var body = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "events", "marquez", "open_lineage", "event_full.json"));
        using var client = await factory.CreateIngestClientAsync();
        (await client.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } })).EnsureSuccessStatusCode();

        var page = await factory.CreateClient().GetDocumentAsync("/harvests");

        var row = page.QuerySelectorAll("[data-testid=harvest-runs] tbody tr").Single(r => r.TextContent.Contains("pushed ", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("openlineage", cells[1]);
        Assert.Matches(@"^pushed \d{4}-\d\d-\d\d \d\d:00–\d\d:00 UTC$", cells[2]);
        Assert.Equal("succeeded", cells[3]);
        Assert.Equal("1", cells[4]);
    }

    [Fact]
    public async Task A_run_left_running_by_a_dead_process_shows_as_abandoned()
    {
        await factory.ExecuteAsync("""
            INSERT INTO harvest_runs (id, harvester, target, status, host, pid, started_at, heartbeat_at)
            VALUES (gen_random_uuid(), 'dbt', '/data/crashed-target', 'running', 'gone-host', 1, now() - interval '2 hours', now() - interval '2 hours')
            """);

        await factory.Services.GetRequiredService<HarvestEngine>().StuckRuns.AbandonAsync(CancellationToken.None);
        var page = await factory.CreateClient().GetDocumentAsync("/harvests");

        var row = page.QuerySelectorAll("[data-testid=harvest-runs] tbody tr").Single(r => r.TextContent.Contains("/data/crashed-target", StringComparison.Ordinal));
        Assert.Equal("abandoned", row.QuerySelectorAll("td")[3].TextContent.Trim());
    }
}
