using Catalog.Testing;
using System.Net;
using Catalog.Plugins.Cost.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catalog.Web.Tests.Cost;

/// <summary>
/// The cost pages over a small, explicit catalog: a daily-partitioned dataset of 1 GiB a day for 40 days on GCS,
/// written by a job that runs an hour a day on spark and read by a downstream job. Snapshots cover the 40 days.
/// The portal's clock is fixed in the middle of a month, so the month-to-date figures do not depend on today's date.
/// </summary>
public sealed class CostPagesTests(CostPagesTests.MidMonthFactory factory) : IClassFixture<CostPagesTests.MidMonthFactory>, IAsyncLifetime
{
    private const string Team = "group:default:team-listening";
    private static readonly DateOnly Today = new(2026, 11, 18);

    public sealed class MidMonthFactory : CatalogWebFactory
    {
        public MidMonthFactory() => Clock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
    }

    public async Task InitializeAsync()
    {
        await factory.ExecuteAsync($$"""
            INSERT INTO entities (kind, namespace, name, owner_ref, platform) VALUES
              ('dataset', 'music', 'plays_daily', 'group:default:team-listening', 'gcs'),
              ('job', 'music', 'build_plays', 'group:default:team-listening', 'spark'),
              ('job', 'charts', 'top_tracks', 'group:default:team-charts', 'spark'),
              ('dataset', 'music', 'secret_royalties', 'group:default:team-listening', 'gcs')
            ON CONFLICT DO NOTHING;
            UPDATE entities SET visibility = 'restricted' WHERE name = 'secret_royalties';
            INSERT INTO datasets (entity_id, partitioning) SELECT id, 'daily' FROM entities WHERE kind = 'dataset' ON CONFLICT DO NOTHING;
            INSERT INTO jobs (entity_id, schedule_kind) SELECT id, 'daily' FROM entities WHERE kind = 'job' ON CONFLICT DO NOTHING;
            INSERT INTO partitions (dataset_id, partition_key, granularity, bytes, created_at)
            SELECT e.id, to_char(d, 'YYYY-MM-DD'), 'daily', CASE WHEN e.name = 'plays_daily' THEN 1073741824 ELSE 536870912 END, d + interval '1 day 1 hour'
            FROM entities e, generate_series('{{Today:yyyy-MM-dd}}'::date - 40, '{{Today:yyyy-MM-dd}}'::date - 1, interval '1 day') d
            WHERE e.kind = 'dataset'
            ON CONFLICT DO NOTHING;
            INSERT INTO runs (id, job_id, state, started_at, ended_at)
            SELECT md5(e.name || d::text)::uuid, e.id, 'completed', d + interval '1 hour', d + interval '2 hours'
            FROM entities e, generate_series('{{Today:yyyy-MM-dd}}'::date - 40, '{{Today:yyyy-MM-dd}}'::date - 1, interval '1 day') d
            WHERE e.kind = 'job'
            ON CONFLICT DO NOTHING;
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT j.id, d.id, 'writes' FROM entities j, entities d WHERE j.name = 'build_plays' AND d.name = 'plays_daily'
            UNION ALL
            SELECT d.id, j.id, 'reads' FROM entities j, entities d WHERE j.name = 'top_tracks' AND d.name = 'plays_daily'
            ON CONFLICT DO NOTHING;
            """);
        await factory.Services.GetRequiredService<CostSnapshotter>().BackfillAsync(Today.AddDays(-41), Today);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_teams_cost_page_has_a_chart_and_lists_its_top_spenders_with_month_over_month_change()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/cost/team?owner=" + Uri.EscapeDataString(Team));

        var chart = page.QuerySelector("[data-cost-chart=daily]");
        Assert.NotNull(chart);
        Assert.Contains("\"storage\":[", chart!.GetAttribute("data-chart"), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("[data-testid=cost-top-spenders] tbody tr th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("build_plays", rows);
        Assert.Contains("plays_daily", rows);
        Assert.DoesNotContain("top_tracks", rows);
    }

    [Fact]
    public async Task A_restricted_dataset_counts_toward_its_team_but_is_not_named_to_an_anonymous_visitor()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/cost/team?owner=" + Uri.EscapeDataString(Team));
        Assert.DoesNotContain("secret_royalties", page.Body!.TextContent, StringComparison.Ordinal);

        var csv = await factory.CreateClient().GetStringAsync("/api/v1/cost/groups/teams?format=csv");
        var teamLine = csv.Split("\r\n").Single(l => l.StartsWith(Team, StringComparison.Ordinal));
        var namedTotal = (await factory.CreateClient().GetStringAsync("/api/v1/cost/top?format=csv&team=" + Uri.EscapeDataString(Team)))
            .Split("\r\n").Skip(1).Where(l => l.Length > 0).Sum(l => decimal.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(decimal.Parse(teamLine.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture) > namedTotal);
    }

    [Fact]
    public async Task Daily_cost_exports_as_CSV_with_one_line_per_day()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/cost/daily?days=30&format=csv&team=" + Uri.EscapeDataString(Team));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,storage_cost,compute_cost,total_cost,storage_bytes,compute_seconds", lines[0]);
        // 30 days back to today; today has no partitions landed yet but keeps the stored ones.
        Assert.Equal(30, lines.Length - 1);
        // One spark run of an hour a day: 8 vCPU × 0.048.
        Assert.Contains(lines.Skip(1), l => l.Split(',')[2] == "0.384");
    }

    [Fact]
    public async Task The_cost_tab_shows_what_downstream_consumers_cost_through_lineage()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/entity/dataset/music/plays_daily/cost");
        var downstream = page.QuerySelectorAll("[data-testid=downstream-costs] tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["job:charts:top_tracks"], downstream);
        Assert.NotNull(page.QuerySelector("[data-cost-chart=daily]"));
    }

    [Fact]
    public async Task The_retention_what_if_on_the_cost_tab_shows_the_monthly_saving_of_keeping_seven_days()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/entity/dataset/music/plays_daily/cost?keepDays=7");
        var saving = page.QuerySelector("[data-testid=retention-saving]")!.TextContent;
        // 40 daily partitions of 1 GiB up to yesterday; keeping 7 days keeps those whose day started in the last
        // 7 × 24 hours: the last 6. 34 GiB less at 0.02 USD per GB-month (GCS standard).
        Assert.Contains("0.68 USD (0.80 USD → 0.12 USD)", saving, StringComparison.Ordinal);
        Assert.Contains("34 partitions removed", saving, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_namespace_what_if_adds_up_every_dataset_in_it()
    {
        var response = await factory.CreateClient().GetStringAsync("/api/v1/cost/retention-what-if?namespace=music&keepDays=7");
        // plays_daily saves 34 × 1 GiB, secret_royalties 34 × 0.5 GiB, both at 0.02 USD per GB-month.
        Assert.Contains("\"monthlySaving\":1.02", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_what_if_without_a_retention_is_a_validation_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/cost/retention-what-if?namespace=music");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("keepDays", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
