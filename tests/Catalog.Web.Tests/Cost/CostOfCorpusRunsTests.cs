using System.Text.Json;
using Catalog.Plugins.Cost;
using Catalog.Plugins.Cost.Queries;
using Catalog.Plugins.Cost.Snapshots;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Cost;

/// <summary>Snapshots over real producer output: dbt run_results timings and OpenLineage outputStatistics.</summary>
public sealed class CostOfCorpusRunsTests(CostFactory factory) : IClassFixture<CostFactory>, IAsyncLifetime
{
    private const string Team = "group:default:analytics";
    private static readonly DateOnly DbtDay = new(2022, 12, 14);
    private static readonly DateOnly SparkDay = new(2024, 7, 5);

    public async Task InitializeAsync()
    {
        await CostCorpusRows.LoadDbtRunResultsAsync(factory, "jaffle_shop", Team, "dbt", "openlineage-dbt-tests", "postgres", "target", "run_results.json");
        var events = File.ReadLines(Corpus.Path("openlineage", "events", "data-rentgen", "events_spark.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("job").GetProperty("name").GetString() == "spark_session.execute_save_into_data_source_command")
            .ToList();
        await CostCorpusRows.LoadOpenLineageRunAsync(factory, Team, "spark",
            events.First(e => e.GetProperty("eventType").GetString() == "START"), events.First(e => e.GetProperty("eventType").GetString() == "COMPLETE"));
        var snapshotter = factory.Services.GetRequiredService<CostSnapshotter>();
        await snapshotter.SnapshotAsync(DbtDay);
        await snapshotter.SnapshotAsync(SparkDay);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_jaffle_shop_dbt_models_cost_their_run_results_seconds_at_the_postgres_price()
    {
        var day = Assert.Single(await Queries.DailyAsync(CostScope.Namespace("jaffle_shop"), DbtDay, DbtDay));

        // Five models: 0.075262 + 0.058262 + 0.039127 + 0.055148 + 0.047916 s from compile start to execute end.
        Assert.Equal(0.275715, day.ComputeSeconds, 6);
        // Postgres: 2 vCPU × 0.05 USD per vCPU-hour.
        Assert.Equal(0.275715m / 3600m * 0.10m, day.Compute, 8);
        Assert.Equal(0m, day.Storage);
    }

    [Fact]
    public async Task The_spark_save_costs_its_46_second_run_and_stores_the_5_MB_its_output_statistics_report()
    {
        var day = Assert.Single(await Queries.DailyAsync(CostScope.Team(Team), SparkDay, SparkDay));

        Assert.Equal(5_000_000, day.StorageBytes);
        Assert.Equal(46.18, day.ComputeSeconds, 3);
        Assert.Equal(46.18m / 3600m * 8m * 0.048m, day.Compute, 8);
        // clickhouse has no row of its own: the 0.023 USD/GB-month fallback, one day of an average month.
        Assert.Equal(5_000_000m / (1024m * 1024m * 1024m) * 0.023m / 30.4375m, day.Storage, 8);
    }

    [Fact]
    public async Task Snapshotting_a_day_again_replaces_it_instead_of_adding_to_it()
    {
        var before = await Queries.DailyAsync(CostScope.Team(Team), DbtDay, DbtDay);
        await factory.Services.GetRequiredService<CostSnapshotter>().SnapshotAsync(DbtDay);
        var after = await Queries.DailyAsync(CostScope.Team(Team), DbtDay, DbtDay);
        Assert.Equal(before.Single().Total, after.Single().Total);
    }

    [Fact]
    public async Task Top_spenders_of_the_team_put_the_spark_job_first_and_name_the_costliest_dbt_model()
    {
        var period = CostPeriod.MonthToDate(SparkDay);
        var top = await Queries.TopSpendersAsync(CostScope.Team(Team), period, Catalog.Plugins.Security.CatalogPrincipal.Anonymous, 3);
        Assert.Equal("job:local://some.host.name:spark_session.execute_save_into_data_source_command", top[0].Key);

        var december = await Queries.TopSpendersAsync(CostScope.Team(Team), CostPeriod.MonthToDate(DbtDay), Catalog.Plugins.Security.CatalogPrincipal.Anonymous, 1);
        Assert.Equal("job:jaffle_shop:model.jaffle_shop.stg_customers", december.Single().Key);
    }

    [Fact]
    public async Task The_storage_estimator_governance_uses_prices_with_the_configured_book()
    {
        var estimator = factory.Services.GetRequiredService<IStorageCostEstimator>();
        Assert.Equal("USD", estimator.Currency);
        Assert.Equal(0.02m, estimator.MonthlyStorageCost("gcs", "standard", 1L << 30));
        Assert.Equal(0.004m, estimator.MonthlyStorageCost("gcs", "coldline", 1L << 30));
    }

    private CostQueries Queries => factory.Services.GetRequiredService<CostQueries>();
}
