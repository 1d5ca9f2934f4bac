using Catalog.Testing;
using Microsoft.Playwright;

namespace Catalog.BrowserTests.Health;

public sealed class HealthPageTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        await portal.Portal.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name, owner_ref) VALUES
              ('dataset', 'music', 'plays_hourly', 'group:default:team-listening'),
              ('job', 'music', 'load_plays', 'group:default:team-listening')
            ON CONFLICT DO NOTHING;
            INSERT INTO datasets (entity_id, partitioning) SELECT id, 'hourly' FROM entities WHERE name = 'plays_hourly' ON CONFLICT DO NOTHING;
            INSERT INTO jobs (entity_id, schedule_kind, deadline_minutes) SELECT id, 'hourly', 30 FROM entities WHERE name = 'load_plays' ON CONFLICT DO NOTHING;
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT j.id, d.id, 'writes' FROM entities j, entities d WHERE j.name = 'load_plays' AND d.name = 'plays_hourly' ON CONFLICT DO NOTHING;
            INSERT INTO partitions (dataset_id, partition_key, granularity, bytes, created_at)
            SELECT e.id, to_char(h AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'), 'hourly', 1000, h + interval '70 minutes'
            FROM entities e, generate_series(date_trunc('hour', now()) - interval '5 hours', date_trunc('hour', now()) - interval '3 hours', interval '1 hour') h
            WHERE e.name = 'plays_hourly'
            ON CONFLICT DO NOTHING;
            """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_engineer_opens_health_from_the_navigation_sees_the_late_endpoint_and_follows_it_to_its_page()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Health" }).First.ClickAsync();

        var team = page.GetByTestId("health-owner").Filter(new() { HasText = "group:default:team-listening" });
        var late = team.Locator("[data-testid=health-problem][data-kind=Late]");
        await Assertions.Expect(late).ToHaveCountAsync(1);
        await Assertions.Expect(late).ToContainTextAsync("has not arrived");
        await late.GetByRole(AriaRole.Link, new() { Name = "dataset:music:plays_hourly" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("plays_hourly");
        await Assertions.Expect(page.Locator("a.badge", new() { HasText = "Late" })).ToHaveCountAsync(1);
    }
}
