using Catalog.Testing;
using Catalog.Domain.Health;
using Catalog.Plugins.Health.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Web.Tests.Health;

/// <summary>Health states over real producer output: a failed dbt run and a failed Great Expectations expectation.</summary>
public sealed class HealthOfCorpusTests(HealthFactory factory) : IClassFixture<HealthFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await HealthCorpusRows.LoadDbtRunResultsAsync(factory, "dbt_bigquery_test", "group:default:analytics",
            "dbt", "openlineage-dbt-tests", "fail", "target", "run_results.json");
        await HealthCorpusRows.LoadGreatExpectationsAsync(factory, "titanic_db", "titanic", "group:default:data-science",
            "great_expectations", "validation-results", "great_expectations-repo", "titanic_expected_data_asset_validate_results.json");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_dbt_model_whose_run_errored_has_a_failed_run_with_the_database_error()
    {
        var health = await EvaluateAsync();
        var failing = health.Single(h => h.Ref == "job:dbt_bigquery_test:model.dbt_bigquery_test.test_second_parallel_dbt_model");

        var problem = Assert.Single(failing.Problems);
        Assert.Equal(HealthProblemKind.RunFailed, problem.Kind);
        Assert.Contains("Database Error in model test_second_parallel_dbt_model", problem.Summary, StringComparison.Ordinal);
        Assert.Equal(HealthSeverity.Failing, failing.Severity);
    }

    [Fact]
    public async Task The_dbt_models_that_succeeded_are_healthy_and_the_skipped_one_is_not_judged()
    {
        var health = await EvaluateAsync();
        Assert.Empty(health.Single(h => h.Ref == "job:dbt_bigquery_test:model.dbt_bigquery_test.test_first_dbt_model").Problems);
        Assert.Empty(health.Single(h => h.Ref == "job:dbt_bigquery_test:model.dbt_bigquery_test.test_second_dbt_model").Problems);
        Assert.DoesNotContain(health, h => h.Ref.EndsWith("test_third_dbt_model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Titanic_fails_only_its_PClass_in_set_expectation()
    {
        var titanic = (await EvaluateAsync()).Single(h => h.Ref == "dataset:titanic_db:titanic");

        var problem = Assert.Single(titanic.Problems);
        Assert.Equal(HealthProblemKind.QualityFailed, problem.Kind);
        Assert.Equal("great_expectations:expect_column_values_to_be_in_set(PClass)", problem.Subject);
        Assert.Equal(new DateTimeOffset(1955, 11, 5, 0, 0, 0, TimeSpan.Zero), problem.Since);
    }

    [Fact]
    public async Task Badges_say_failing_for_the_errored_model_and_healthy_for_the_one_that_succeeded()
    {
        var health = await EvaluateAsync();
        var ids = health.Where(h => h.Ref.Contains("dbt_bigquery_test", StringComparison.Ordinal)).ToDictionary(h => h.Ref, h => h.EntityId);
        var badges = await factory.Services.GetServices<Catalog.Plugins.Ui.IEntityBadgeSource>().OfType<HealthBadgeSource>().Single()
            .GetBadgesAsync([.. ids.Values], default);

        Assert.Equal("Failing", badges[ids["job:dbt_bigquery_test:model.dbt_bigquery_test.test_second_parallel_dbt_model"]].Single().Label);
        Assert.Equal("Healthy", badges[ids["job:dbt_bigquery_test:model.dbt_bigquery_test.test_first_dbt_model"]].Single().Label);
    }

    // A fixed moment after every event in the corpus: what health says of it must not depend on today's date.
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private Task<IReadOnlyList<EntityHealth>> EvaluateAsync() =>
        factory.Services.GetRequiredService<HealthEvaluator>().EvaluateAsync(null, Now);
}
