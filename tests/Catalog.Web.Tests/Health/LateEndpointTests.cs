using Catalog.Testing;
using System.Text.Json;
using Catalog.Plugins.Health.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Health;

/// <summary>
/// An hourly endpoint whose writer is due 30 minutes after each hour: its last partitions stopped arriving, so it
/// is late. The page, the badge and the webhook (a real local HTTP receiver) all say so.
/// </summary>
public sealed class LateEndpointTests(HealthFactory factory) : IClassFixture<HealthFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await factory.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name, owner_ref) VALUES
              ('dataset', 'music', 'plays_hourly', 'group:default:team-listening'),
              ('job', 'music', 'load_plays', 'group:default:team-listening')
            ON CONFLICT DO NOTHING;
            INSERT INTO datasets (entity_id, partitioning) SELECT id, 'hourly' FROM entities WHERE name = 'plays_hourly' ON CONFLICT DO NOTHING;
            INSERT INTO jobs (entity_id, schedule_kind, time_zone, deadline_minutes) SELECT id, 'hourly', 'Europe/Stockholm', 30 FROM entities WHERE name = 'load_plays' ON CONFLICT DO NOTHING;
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT j.id, d.id, 'writes' FROM entities j, entities d WHERE j.name = 'load_plays' AND d.name = 'plays_hourly' ON CONFLICT DO NOTHING;
            -- Hours 6 to 4 hours ago arrived 10 minutes after their hour; nothing since.
            INSERT INTO partitions (dataset_id, partition_key, granularity, bytes, created_at)
            SELECT e.id, to_char(h AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'), 'hourly', 1000, h + interval '70 minutes'
            FROM entities e, generate_series(date_trunc('hour', now()) - interval '6 hours', date_trunc('hour', now()) - interval '4 hours', interval '1 hour') h
            WHERE e.name = 'plays_hourly'
            ON CONFLICT DO NOTHING;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_health_page_lists_the_late_endpoint_under_its_owning_team()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/health");

        var team = page.QuerySelectorAll("[data-testid=health-owner]").Single(s => s.QuerySelector("h2")!.TextContent == "group:default:team-listening");
        var late = team.QuerySelectorAll("[data-testid=health-problem][data-kind=Late]").Single();
        Assert.Contains("dataset:music:plays_hourly", late.TextContent, StringComparison.Ordinal);
        Assert.Contains("partitions overdue", late.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entity_page_carries_a_late_badge_and_the_health_card()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/entity/dataset/music/plays_hourly");
        Assert.Contains(page.QuerySelectorAll("a.badge"), b => b.TextContent == "Late" && b.GetAttribute("href") == "/health");
        Assert.Contains("missing (late)", page.QuerySelector("[data-testid=health-card]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_late_sends_one_signed_webhook_after_a_retry_and_checking_again_sends_nothing()
    {
        var monitor = factory.Services.GetRequiredService<HealthMonitor>();
        // A monitor that has been watching since before the endpoint turned late (its baseline is taken): the very
        // first check on a catalog is a baseline and notifies nothing (MonitorBaselineTests).
        await factory.ExecuteAsync("INSERT INTO health_monitor_state (baseline_at, baseline_size) VALUES (now() - interval '1 day', 0) ON CONFLICT DO NOTHING");

        var first = await monitor.CheckOnceAsync(default);
        var second = await monitor.CheckOnceAsync(default);

        Assert.Equal(1, first.NotificationsQueued);
        Assert.Equal(1, first.NotificationsDelivered);
        Assert.Equal(0, second.NotificationsQueued);
        var (eventType, signature, body) = Assert.Single(factory.Received);
        Assert.Equal(2, factory.Attempts);
        Assert.Equal("endpoint.late", eventType);
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("s3cret"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expected, signature);
        using var payload = JsonDocument.Parse(body);
        Assert.Equal("endpoint.late", payload.RootElement.GetProperty("type").GetString());
        Assert.Equal("dataset:music:plays_hourly", payload.RootElement.GetProperty("entity").GetProperty("ref").GetString());
        Assert.Equal("group:default:team-listening", payload.RootElement.GetProperty("entity").GetProperty("owner").GetString());
        Assert.Equal("https://catalog.example.com/entity/dataset/music/plays_hourly", payload.RootElement.GetProperty("entity").GetProperty("url").GetString());
        Assert.Equal("late", payload.RootElement.GetProperty("problem").GetProperty("kind").GetString());
    }
}
