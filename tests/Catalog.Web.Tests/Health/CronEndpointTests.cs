using Catalog.Testing;

namespace Catalog.Web.Tests.Health;

/// <summary>
/// An endpoint written by a job on a cron schedule (every 20 minutes, due 10 minutes after each period) gets a
/// lateness verdict like hourly and daily ones. The dataset is unpartitioned, so its output for a period is the
/// writer's completed run for that period; the runs stopped two hours ago.
/// </summary>
public sealed class CronEndpointTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await factory.ExecuteAsync("""
        INSERT INTO entities (kind, namespace, name, owner_ref) VALUES
          ('dataset', 'music', 'skips_20min', 'group:default:team-listening'),
          ('job', 'music', 'load_skips', 'group:default:team-listening')
        ON CONFLICT DO NOTHING;
        INSERT INTO datasets (entity_id, partitioning) SELECT id, 'none' FROM entities WHERE name = 'skips_20min' ON CONFLICT DO NOTHING;
        INSERT INTO jobs (entity_id, schedule_kind, cron, time_zone, deadline_minutes)
        SELECT id, 'cron', '*/20 * * * *', 'America/Los_Angeles', 10 FROM entities WHERE name = 'load_skips' ON CONFLICT DO NOTHING;
        INSERT INTO lineage_edges (from_id, to_id, edge_kind)
        SELECT j.id, d.id, 'writes' FROM entities j, entities d WHERE j.name = 'load_skips' AND d.name = 'skips_20min' ON CONFLICT DO NOTHING;
        INSERT INTO runs (id, job_id, state, nominal_start, nominal_end, started_at, ended_at)
        SELECT md5(p::text)::uuid, e.id, 'completed', p, p + interval '20 minutes', p + interval '20 minutes', p + interval '25 minutes'
        FROM entities e, generate_series(date_trunc('hour', now()) - interval '4 hours', date_trunc('hour', now()) - interval '2 hours', interval '20 minutes') p
        WHERE e.name = 'load_skips'
        ON CONFLICT DO NOTHING;
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_cron_scheduled_endpoint_whose_output_stopped_is_listed_as_late()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/health");

        var late = page.QuerySelectorAll("[data-testid=health-problem][data-kind=Late]").Single();
        Assert.Contains("dataset:music:skips_20min", late.TextContent, StringComparison.Ordinal);
        Assert.Contains("partitions overdue", late.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_health_card_lists_the_missing_twenty_minute_periods_by_their_utc_start()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/entity/dataset/music/skips_20min");

        var rows = page.QuerySelectorAll("[data-testid=health-card] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(6, rows.Count);
        // Newest first: the current period (and the one before it, within its 10-minute grace) is not due yet.
        Assert.All(rows, r => Assert.Contains(r[2], new[] { "missing (late)", "not due yet" }));
        Assert.Equal("missing (late)", rows[^1][2]);
        var starts = rows.Select(r => DateTimeOffset.ParseExact(r[0], "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal)).ToList();
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(20), pair.First - pair.Second));
    }
}
