using Catalog.Domain.Health;
using Catalog.Domain.Quality;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Tests.Health;

public class HealthRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static RunSample Completed(int hoursAgo, int minutes) =>
        new(Guid.NewGuid(), RunState.Completed, Now.AddHours(-hoursAgo), Now.AddHours(-hoursAgo).AddMinutes(minutes), null);

    [Fact]
    public void The_p95_of_twenty_runs_is_the_nineteenth_shortest()
    {
        var durations = Enumerable.Range(1, 20).Select(m => TimeSpan.FromMinutes(m)).Reverse().ToArray();
        Assert.Equal(TimeSpan.FromMinutes(19), RunDurationRules.Percentile(durations, 0.95));
    }

    [Fact]
    public void A_run_going_past_the_p95_of_recent_runs_is_running_long()
    {
        var running = new RunSample(Guid.NewGuid(), RunState.Running, Now.AddMinutes(-25), null, null);
        RunSample[] runs = [running, .. Enumerable.Range(1, 20).Select(i => Completed(i, i))];

        var problem = Assert.Single(HealthRules.FromRuns(runs, Now));

        Assert.Equal(HealthProblemKind.RunningLong, problem.Kind);
        Assert.Equal(running.Id.ToString(), problem.Subject);
        Assert.Equal(HealthSeverity.Warning, problem.Severity);
        Assert.Contains("at most 19m 00s", problem.Summary);
    }

    [Fact]
    public void Too_little_history_says_nothing_about_a_long_run()
    {
        RunSample[] runs = [new(Guid.NewGuid(), RunState.Running, Now.AddHours(-9), null, null), Completed(10, 5), Completed(11, 5)];
        Assert.Empty(HealthRules.FromRuns(runs, Now));
    }

    [Fact]
    public void A_latest_run_that_failed_is_a_problem_named_after_the_run_and_its_error()
    {
        var failed = new RunSample(Guid.NewGuid(), RunState.Failed, Now.AddHours(-1), Now.AddMinutes(-50), "Database Error in model orders");
        var problem = Assert.Single(HealthRules.FromRuns([failed, Completed(2, 5)], Now));
        Assert.Equal(HealthProblemKind.RunFailed, problem.Kind);
        Assert.Equal(failed.Id.ToString(), problem.Subject);
        Assert.Contains("Database Error in model orders", problem.Summary);
        Assert.Equal(HealthSeverity.Failing, problem.Severity);
    }

    [Fact]
    public void A_failure_followed_by_a_successful_run_is_no_longer_a_problem()
    {
        var failed = new RunSample(Guid.NewGuid(), RunState.Failed, Now.AddHours(-3), Now.AddHours(-3).AddMinutes(5), "boom");
        Assert.Empty(HealthRules.FromRuns([Completed(1, 5), failed], Now));
    }

    [Fact]
    public void Failed_and_errored_checks_fail_warned_ones_warn_and_passed_ones_are_fine()
    {
        QualitySample[] results =
        [
            new("expect_column_values_to_be_in_set", "great_expectations", "PClass", QualityStatus.Failed, Now, null),
            new("not_null_orders_id", "dbt", "id", QualityStatus.Warned, Now, null),
            new("unique_orders_id", "dbt", "id", QualityStatus.Passed, Now, null),
            new("row_count", "openlineage", null, QualityStatus.Errored, Now, "query timed out"),
        ];
        var problems = HealthRules.FromQuality(results).ToList();
        Assert.Equal([HealthProblemKind.QualityFailed, HealthProblemKind.QualityWarned, HealthProblemKind.QualityFailed], problems.Select(p => p.Kind));
        Assert.Contains("on column PClass failed", problems[0].Summary);
        Assert.Equal(HealthSeverity.Failing, HealthRules.Worst(problems));
        Assert.Equal(HealthSeverity.Healthy, HealthRules.Worst([]));
    }

    [Fact]
    public void A_late_endpoint_is_one_problem_naming_the_oldest_overdue_partition()
    {
        var hourly = new Schedule { Kind = ScheduleKind.Hourly, Deadline = TimeSpan.FromMinutes(30) };
        var freshness = FreshnessRules.Evaluate(hourly, [new Arrival("2026-01-15T08", Now.AddHours(-3))], Now, TimeSpan.FromDays(1));

        var problem = Assert.Single(HealthRules.FromFreshness(freshness));

        Assert.Equal(HealthProblemKind.Late, problem.Kind);
        Assert.Equal(HealthRules.LateSubject, problem.Subject);
        Assert.StartsWith("2 partitions overdue; the oldest, 2026-01-15T09 was due by 2026-01-15 10:30 UTC", problem.Summary);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), problem.Since);
    }
}
