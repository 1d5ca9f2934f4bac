using Catalog.Plugins.Health.Notifications;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Health;

/// <summary>
/// A portal that starts watching an existing catalog: the first health check is a baseline. The problems that were
/// already there (a late endpoint, a failed run) are recorded and shown on /health but sent to no webhook; a run
/// that fails afterwards is notified.
/// </summary>
public sealed class MonitorBaselineTests(HealthFactory factory) : IClassFixture<HealthFactory>
{
    private const string Seed = """
        INSERT INTO entities (kind, namespace, name, owner_ref) VALUES
          ('dataset', 'radio', 'spins_hourly', 'group:default:team-radio'),
          ('job', 'radio', 'load_spins', 'group:default:team-radio'),
          ('job', 'radio', 'rank_stations', 'group:default:team-radio');
        INSERT INTO datasets (entity_id, partitioning) SELECT id, 'hourly' FROM entities WHERE name = 'spins_hourly';
        INSERT INTO jobs (entity_id, schedule_kind, time_zone, deadline_minutes)
        SELECT id, 'hourly', 'UTC', 30 FROM entities WHERE name = 'load_spins';
        INSERT INTO jobs (entity_id, schedule_kind, time_zone, deadline_minutes)
        SELECT id, 'none', 'UTC', 60 FROM entities WHERE name = 'rank_stations';
        INSERT INTO lineage_edges (from_id, to_id, edge_kind)
        SELECT j.id, d.id, 'writes' FROM entities j, entities d WHERE j.name = 'load_spins' AND d.name = 'spins_hourly';
        -- Late for hours: the last partition landed five hours ago.
        INSERT INTO partitions (dataset_id, partition_key, granularity, bytes, created_at)
        SELECT e.id, to_char(h AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'), 'hourly', 1000, h + interval '70 minutes'
        FROM entities e, generate_series(date_trunc('hour', now()) - interval '8 hours', date_trunc('hour', now()) - interval '6 hours', interval '1 hour') h
        WHERE e.name = 'spins_hourly';
        -- Failed yesterday and never ran again.
        INSERT INTO runs (id, job_id, state, started_at, ended_at, error_message)
        SELECT '00000000-0000-0000-0000-00000000b001', id, 'failed', now() - interval '1 day', now() - interval '23 hours', 'relation "stations" does not exist'
        FROM entities WHERE name = 'rank_stations';
        """;

    [Fact]
    public async Task The_first_check_is_a_baseline_that_notifies_nothing_and_later_problems_are_notified()
    {
        await factory.ExecuteAsync(Seed);
        var monitor = factory.Services.GetRequiredService<HealthMonitor>();

        var baseline = await monitor.CheckOnceAsync(default);
        var page = await factory.CreateClient().GetDocumentAsync("/health");

        Assert.True(baseline.Baseline);
        Assert.Equal(2, baseline.Problems);
        Assert.Equal((0, 0), (baseline.NotificationsQueued, baseline.NotificationsDelivered));
        Assert.Empty(factory.Received);
        var note = System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("[data-testid=health-baseline]")!.TextContent, @"\s+", " ");
        Assert.Contains("the 2 problems that existed then were recorded without notifications", note, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=health-problem] [data-testid=health-baseline-problem]").Length);

        // The job runs again and fails again: a new problem (a new run) after the baseline, so it is notified.
        await factory.ExecuteAsync("""
            INSERT INTO runs (id, job_id, state, started_at, ended_at, error_message)
            SELECT '00000000-0000-0000-0000-00000000b002', id, 'failed', now() - interval '20 minutes', now() - interval '10 minutes', 'still missing'
            FROM entities WHERE name = 'rank_stations';
            """);
        var next = await monitor.CheckOnceAsync(default);
        var again = await monitor.CheckOnceAsync(default);
        var pageAfter = await factory.CreateClient().GetDocumentAsync("/health");

        Assert.False(next.Baseline);
        Assert.Equal(1, next.NotificationsQueued);
        Assert.Equal(0, again.NotificationsQueued);
        var (eventType, _, body) = Assert.Single(factory.Received);
        Assert.Equal("run.failed", eventType);
        Assert.Contains("00000000-0000-0000-0000-00000000b002", body, StringComparison.Ordinal);
        // The late endpoint is still the baseline's; the new failed run is not.
        Assert.Single(pageAfter.QuerySelectorAll("[data-testid=health-problem] [data-testid=health-baseline-problem]"));
    }
}
