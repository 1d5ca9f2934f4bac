using Catalog.Domain.Health;
using Catalog.Harvesting;
using Catalog.Plugins.Cost.Queries;
using Catalog.Plugins.Cost.Snapshots;
using Catalog.Plugins.Health.Evaluation;
using Catalog.Web.Tests.Cost;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.CostAndHealth;

/// <summary>
/// Cost and health over real corpus files that went through the real harvest path (the portal's HarvestRunner with
/// the dbt, Great Expectations and OpenLineage harvesters), not rows written by the test.
/// </summary>
public sealed class HarvestedCorpusCostAndHealthTests(CostFactory factory) : IClassFixture<CostFactory>, IAsyncLifetime
{
    private static readonly DateOnly SparkDay = new(2024, 7, 5);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<string> Harvested = [];

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Harvested.Add(factory.ConnectionString)) return;
            var runner = factory.Services.GetRequiredService<HarvestRunner>();
            await AssertLandsAsync(runner, "dbt", Corpus.Path("dbt", "openlineage-dbt-tests", "fail", "target"));
            await AssertLandsAsync(runner, "great_expectations", Corpus.Path("great_expectations", "validation-results", "great_expectations-repo", "titanic_expected_data_asset_validate_results.json"));
            await AssertLandsAsync(runner, "openlineage", Corpus.Path("openlineage", "events", "data-rentgen", "events_spark.jsonl"));
            await factory.Services.GetRequiredService<CostSnapshotter>().SnapshotAsync(SparkDay);
        }
        finally { Once.Release(); }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_dbt_model_whose_harvested_run_errored_is_failing_with_the_database_error()
    {
        var health = await EvaluateAsync();

        var model = health.Single(h => h.Ref.StartsWith("job:", StringComparison.Ordinal) && h.Ref.EndsWith("test_second_parallel_dbt_model", StringComparison.Ordinal));
        var problem = Assert.Single(model.Problems, p => p.Kind == HealthProblemKind.RunFailed);
        Assert.Contains("Database Error in model test_second_parallel_dbt_model", problem.Summary, StringComparison.Ordinal);
        Assert.Equal(HealthSeverity.Failing, model.Severity);
    }

    [Fact]
    public async Task The_harvested_titanic_validation_fails_its_PClass_in_set_expectation()
    {
        var health = await EvaluateAsync();

        var failures = health.SelectMany(h => h.Problems).Where(p => p.Kind == HealthProblemKind.QualityFailed).ToList();
        Assert.Contains(failures, p => p.Subject.Contains("expect_column_values_to_be_in_set", StringComparison.Ordinal) && p.Subject.Contains("PClass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_harvested_spark_runs_cost_their_durations_per_job_and_per_namespace()
    {
        var queries = factory.Services.GetRequiredService<CostQueries>();
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var find = new Npgsql.NpgsqlCommand("SELECT id FROM entities WHERE ref = 'job:local://some.host.name:spark_session.execute_save_into_data_source_command'", connection);
        var saveJob = (long)(await find.ExecuteScalarAsync())!;

        var save = Assert.Single(await queries.DailyAsync(CostScope.Entity(saveJob), SparkDay, SparkDay));
        var space = Assert.Single(await queries.DailyAsync(CostScope.Namespace("local://some.host.name"), SparkDay, SparkDay));

        // The save: START 09:06:29.462 → COMPLETE 09:07:15.642. Its namespace adds the parent application run,
        // 09:04:48.795 → 09:07:15.646 (146.851 s), as the OpenLineage harvester recorded both runs.
        Assert.Equal(46.18, save.ComputeSeconds, 3);
        Assert.Equal(46.18 + 146.851, space.ComputeSeconds, 3);
        Assert.True(save.Compute > 0m && space.Compute > save.Compute);
    }

    private static async Task AssertLandsAsync(HarvestRunner runner, string kind, string target)
    {
        var summary = await runner.RunAsync(kind, target);
        Assert.True(summary.Status is HarvestRunStatus.Succeeded or HarvestRunStatus.Partial, $"{kind} over {target}: {summary.Describe()}");
    }

    // A fixed moment after every event in the corpus: what health says of it must not depend on today's date.
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private Task<IReadOnlyList<EntityHealth>> EvaluateAsync() =>
        factory.Services.GetRequiredService<HealthEvaluator>().EvaluateAsync(null, Now);
}
