using Catalog.Domain.Quality;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Dbt;

public sealed class RunResultsTests
{
    [Fact]
    public async Task The_failed_model_in_the_fail_fixture_is_a_failed_run_with_the_database_error()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("openlineage-dbt-tests", "fail", "target"));

        var runs = sink.All<RunObserved>().Select(r => r.Run).ToList();
        var failed = runs.Single(r => r.Job.ToString() == "job:dbt:dbt_bigquery_test.test_second_parallel_dbt_model");
        Assert.Equal(RunState.Failed, failed.State);
        Assert.StartsWith("Database Error in model test_second_parallel_dbt_model", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(RunState.Aborted, runs.Single(r => r.Job.ToString() == "job:dbt:dbt_bigquery_test.test_third_dbt_model").State);
        var first = runs.Single(r => r.Job.ToString() == "job:dbt:dbt_bigquery_test.test_first_dbt_model");
        Assert.Equal(RunState.Completed, first.State);
        Assert.Equal(DateTimeOffset.Parse("2021-07-28T12:09:46.041017Z", System.Globalization.CultureInfo.InvariantCulture), first.StartedAt);
        Assert.Equal(DateTimeOffset.Parse("2021-07-28T12:09:47.994760Z", System.Globalization.CultureInfo.InvariantCulture), first.EndedAt);
        // All node runs are children of the invocation's run, whose id is dbt's invocation_id.
        var invocation = runs.Single(r => r.Job.ToString() == "job:dbt:dbt_bigquery_test");
        Assert.Equal(Guid.Parse("8c814240-637d-4a36-937e-43787f5c79e0"), invocation.Id);
        Assert.Equal(RunState.Failed, invocation.State);
        Assert.All(runs.Where(r => r != invocation), r => Assert.Equal(invocation.Id, r.ParentRunId));
    }

    [Fact]
    public async Task Failing_unique_test_on_test_first_dbt_model_id_is_a_failed_quality_result_on_that_column()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("openlineage-dbt-tests", "test", "target"));

        var results = sink.All<QualityResultFound>().Select(q => q.Result).ToList();
        var unique = results.Single(r => r.CheckName == "unique_test_first_dbt_model_id");
        Assert.Equal(QualityStatus.Failed, unique.Status);
        Assert.Equal("id", unique.Column);
        Assert.Equal("dbt", unique.Framework);
        Assert.Equal("Got 1 result, configured to fail if != 0", unique.Message);
        Assert.EndsWith(".test_first_dbt_model", unique.Dataset.Name, StringComparison.Ordinal);
        Assert.Equal(4, results.Count(r => r.Status == QualityStatus.Failed));
        Assert.Equal(14, results.Count);
    }

    [Fact]
    public async Task Run_results_without_a_manifest_record_runs_and_say_why_tests_were_not_recorded()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("dbt-artifacts-parser-jaffle-shop", "run_results", "v6", "jaffle_shop", "run_results.json"));

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed);
        Assert.Contains(sink.All<RunObserved>(), r => r.Run.Job.ToString() == "job:dbt:jaffle_shop.customers" && r.Run.State == RunState.Completed);
        var problem = Assert.Single(batch.Errors);
        Assert.Equal("$.results", problem.Position);
        Assert.Contains("no manifest.json was found next to this file", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1"), InlineData("v3"), InlineData("v4"), InlineData("v5"), InlineData("v6")]
    public async Task Every_run_results_schema_version_yields_timed_runs(string version)
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("dbt-artifacts-parser-jaffle-shop", "run_results", version, "jaffle_shop", "run_results.json"));

        var runs = sink.All<RunObserved>().Select(r => r.Run).Where(r => r.ParentRunId is not null).ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs.Where(r => r.State == RunState.Completed), r => Assert.True(r.Duration is not null, $"{r.Job} has no timing"));
    }
}
