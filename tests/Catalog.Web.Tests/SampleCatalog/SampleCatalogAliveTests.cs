using Catalog.Plugins.Cost.Queries;
using Catalog.Plugins.Cost.Snapshots;
using Catalog.Plugins.Health.Evaluation;
using Catalog.Testing;
using Catalog.Web.ReadModel;
using Catalog.Web.SampleCatalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Catalog.Web.Tests.SampleCatalog;

/// <summary>
/// The sample catalog as a first start seeds it (real harvesters, the OpenLineage ingest path), with the portal's
/// clock at dates that break date arithmetic: it looks alive on the day it is seeded and, without re-seeding, two
/// days later once the simulated scheduler has caught up.
/// </summary>
public sealed class SampleCatalogAliveTests
{
    [Theory]
    [MemberData(nameof(ClockDates.All), MemberType = typeof(ClockDates))]
    public async Task Seeded_on_any_date_the_sample_looks_alive_and_still_does_two_days_later(string at)
    {
        var clock = new FakeTimeProvider(ClockDates.Parse(at));
        await using var portal = new SamplePortal { Clock = clock };
        await portal.InitializeAsync();
        _ = portal.Services; // starts the host: migrations, then the sample seeding

        await AssertAliveAsync(portal, clock);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await portal.Services.GetRequiredService<SampleScheduler>().AdvanceAsync(CancellationToken.None) > 0);

        await AssertAliveAsync(portal, clock);
    }

    private static async Task AssertAliveAsync(SamplePortal portal, FakeTimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await portal.Services.GetRequiredService<CostSnapshotter>().BackfillAsync(today.AddDays(-90), today);

        using (var scope = portal.Services.CreateScope())
        {
            var home = await scope.ServiceProvider.GetRequiredService<CatalogReader>().GetHomeStatisticsAsync(CancellationToken.None);
            Assert.InRange(home.RunsLastDay, 100, 1000);
        }
        Assert.Equal(0L, await portal.ScalarAsync<long>(
            "SELECT count(*) FROM runs WHERE state = 'running' AND started_at < $1", now.AddHours(-6)));
        Assert.Equal(0L, await portal.ScalarAsync<long>("SELECT count(*) FROM runs WHERE started_at > $1", now));

        // Mostly healthy: a few problems (each failing daily job also leaves its output late), every one with a reason.
        var health = await portal.Services.GetRequiredService<HealthEvaluator>().EvaluateAsync(null, now);
        var troubled = health.Where(h => h.Problems.Count > 0).ToList();
        Assert.InRange(troubled.Count, 1, 10);
        Assert.All(troubled.SelectMany(h => h.Problems), p => Assert.False(string.IsNullOrWhiteSpace(p.Summary)));
        Assert.True(await portal.ScalarAsync<long>("SELECT count(*) FROM entities WHERE kind IN ('dataset', 'job')") > 50);

        // Plausible monthly cost per team (the last 30 days), and cost on each of the last 90 days.
        var teams = await portal.ColumnAsync<decimal>("""
            SELECT sum(storage_cost + compute_cost) FROM cost_daily_snapshots
            WHERE day > $1 AND owner_ref LIKE 'group:%' GROUP BY owner_ref
            """, today.AddDays(-30));
        Assert.True(teams.Count >= 4, $"{teams.Count} teams with cost");
        Assert.All(teams, monthly => Assert.InRange(monthly, 10m, 20_000m));
        Assert.True(teams.Sum() > 1_000m, $"{teams.Sum()} USD a month in all");
        Assert.InRange(await portal.ScalarAsync<long>(
            "SELECT count(DISTINCT day) FROM cost_daily_snapshots WHERE day > $1 AND day < $2 AND storage_cost + compute_cost > 0",
            today.AddDays(-90), today), 88, 89);

        // The cost overview's month to date (on the 1st: today so far) and the same days of the previous month are non-zero.
        var month = await portal.Services.GetRequiredService<CostQueries>().ByGroupAsync(CostDimension.Team, CostPeriod.MonthToDate(today));
        Assert.True(month.Count(team => team.ThisMonth > 0 && team.PreviousMonth > 0) >= 4,
            string.Join("; ", month.Select(team => $"{team.Key}: {team.ThisMonth} / {team.PreviousMonth}")));
    }

    private sealed class SamplePortal : CatalogWebFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Catalog:SampleCatalog:SeedOnFirstStart", "true"),
            // The test drives the scheduler itself (AdvanceAsync), so its background loop stays off.
            new("Catalog:SampleCatalog:Simulate", "false"),
        ];

        public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var p in parameters) command.Parameters.AddWithValue(p);
            return (T)(await command.ExecuteScalarAsync())!;
        }

        public async Task<List<T>> ColumnAsync<T>(string sql, params object[] parameters)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var p in parameters) command.Parameters.AddWithValue(p);
            var values = new List<T>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
            return values;
        }
    }
}
