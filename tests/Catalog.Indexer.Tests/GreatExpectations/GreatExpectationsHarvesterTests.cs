using Catalog.Domain.Quality;
using Catalog.Indexer.Tests.HarvestFormats;
using Catalog.Plugins.GreatExpectations;
using Catalog.Plugins.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.GreatExpectations;

public sealed class GreatExpectationsHarvesterTests
{
    private static async Task<RecordingSink> RunAsync(string target, Dictionary<string, string>? options = null)
    {
        var sink = new RecordingSink();
        await new GreatExpectationsHarvester(Options.Create(new GreatExpectationsOptions()))
            .HarvestAsync(new HarvestContext(target, sink, options: options), CancellationToken.None);
        return sink;
    }

    private static string File(params string[] parts) => Corpus.Path(["great_expectations", .. parts]);

    [Fact]
    public async Task The_013_era_taxi_validation_lands_on_the_csv_it_validated()
    {
        var sink = await RunAsync(File("validation-results", "openlineage-airflow-tests", "validation_result.json"));

        var results = sink.All<QualityResultFound>().Select(r => r.Result).ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("dataset:data__dir:/home/example/code/openlineage/integrations/airflow/tests/data/great_expectations/data/yellow_tripdata_sample_2019-01.csv", r.Dataset.ToString()));
        var rowCount = results.Single(r => r.CheckName == "expect_table_row_count_to_be_between(max_value=11000, min_value=9000)");
        Assert.Equal(QualityStatus.Passed, rowCount.Status);
        Assert.Equal("observed 10000", rowCount.Message);
        Assert.Equal(new DateTimeOffset(2021, 4, 26, 12, 23, 53, 265, TimeSpan.Zero).AddTicks(3690), rowCount.ExecutedAt);
    }

    [Fact]
    public async Task A_validation_operator_result_yields_every_contained_validation()
    {
        var sink = await RunAsync(File("validation-results", "great_expectations-repo", "ValidationOperatorResult_with_multiple_validation_results.json"));

        var results = sink.All<QualityResultFound>().Select(r => r.Result).ToList();
        // Both contained validations ran the same 11 expectations on the same batch at the same validation_time.
        Assert.Equal(11, results.Count);
        Assert.All(results, r => Assert.Equal("dataset:getest:basic.warning", r.Dataset.ToString()));
        Assert.Equal(2, results.Count(r => r.Status == QualityStatus.Failed));
        Assert.Contains(results, r => r.CheckName == "expect_table_row_count_to_be_between(max_value=33000, min_value=27000)" && r.Status == QualityStatus.Failed && r.Message == "observed 30");
    }

    [Fact]
    public async Task Expectations_that_raised_exceptions_are_errored_with_the_exception_message()
    {
        var sink = await RunAsync(File("validation-results", "great_expectations-repo", "titanic_expected_data_asset_validate_results_with_exceptions.json"));

        var errored = sink.All<QualityResultFound>().Select(r => r.Result).Where(r => r.Status == QualityStatus.Errored).ToList();
        Assert.Equal(4, errored.Count);
        Assert.All(errored, r => Assert.False(string.IsNullOrEmpty(r.Message)));
        Assert.All(errored, r => Assert.Equal("dataset:great_expectations:titanic", r.Dataset.ToString()));
    }

    [Fact]
    public async Task A_data_asset_name_path_names_the_datasource_and_asset()
    {
        var sink = await RunAsync(File("validation-results", "great_expectations-repo", "BasicDatasetProfiler_evrs_with_exception.json"));

        Assert.All(sink.All<QualityResultFound>(), r => Assert.Equal("dataset:my_datasource:project_dir/project_path/data/titanic/Titanic.csv", r.Result.Dataset.ToString()));
        Assert.Contains(sink.All<QualityResultFound>(), r => r.Result.Status == QualityStatus.Errored);
    }

    [Fact]
    public async Task An_expectation_suite_becomes_quality_checks_on_the_data_asset_it_cites()
    {
        var sink = await RunAsync(File("expectation-suites", "openlineage-airflow-tests", "taxi_demo.json"));

        var facet = Assert.Single(sink.All<FacetFound>());
        Assert.Equal("dataset:data__dir:yellow_tripdata_sample_2019-01", facet.Entity.ToString());
        Assert.Contains(facet.Value.EnumerateArray(), c => c.GetProperty("type").GetString() == "expect_table_row_count_to_be_between" && c.GetProperty("suite").GetString() == "taxi.demo");
    }

    [Fact]
    public async Task The_whole_corpus_folder_is_harvested_and_an_explicit_dataset_option_wins()
    {
        var sink = await RunAsync(File(), new Dictionary<string, string> { ["dataset"] = "warehouse:public.titanic" });

        Assert.Equal(13, sink.Batches.Count);
        Assert.All(sink.Batches, b => Assert.True(b.Committed, b.Failure?.ToString()));
        Assert.All(sink.All<QualityResultFound>(), r => Assert.Equal("dataset:warehouse:public.titanic", r.Result.Dataset.ToString()));
    }

    [Fact]
    public async Task A_json_file_that_is_not_great_expectations_fails_precisely()
    {
        var sink = await RunAsync(Corpus.Path("dbt", "openlineage-dbt-tests", "small", "target", "run_results.json"));

        var failure = Assert.Single(sink.Batches).Failure;
        Assert.NotNull(failure);
        Assert.Equal("$", failure.Position);
        Assert.StartsWith("not a Great Expectations validation result", failure.Reason, StringComparison.Ordinal);
    }
}
