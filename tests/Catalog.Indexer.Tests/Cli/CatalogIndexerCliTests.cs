using Catalog.Indexer.Tests.Harvesting;
using Catalog.Testing;

namespace Catalog.Indexer.Tests.Cli;

/// <summary>Runs the real catalog-indexer executable against a real database and checks what a shell script would see.</summary>
public sealed class CatalogIndexerCliTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task Harvesting_valid_events_exits_zero_and_prints_a_summary()
    {
        var (exitCode, output) = await RunAsync("harvest", "openlineage", Corpus.Path("openlineage", "events", "marquez", "seed", "metadata.json"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("succeeded", output, StringComparison.Ordinal);
        Assert.Equal(13L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE kind = 'job' AND namespace = 'food_delivery'"));
    }

    [Fact]
    public async Task Harvesting_invalid_events_exits_non_zero_and_says_which_file_and_path_failed()
    {
        var (exitCode, output) = await RunAsync("harvest", "openlineage", Corpus.Path("openlineage", "events", "openlineage-repo", "fluentd-proxy"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("event_no_run_id.json", output, StringComparison.Ordinal);
        Assert.Contains("$.run.runId", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_harvester_kind_exits_with_2_and_lists_the_installed_kinds()
    {
        var (exitCode, output) = await RunAsync("harvest", "no-such-kind", ".");

        Assert.Equal(2, exitCode);
        Assert.Contains("openlineage", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_lists_recent_runs()
    {
        await RunAsync("harvest", "openlineage", Corpus.Path("openlineage", "events", "marquez", "apples"));

        var (exitCode, output) = await RunAsync("status");

        Assert.Equal(0, exitCode);
        Assert.Contains("apples", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_harvest_of_unchanged_invalid_events_reports_them_as_still_failing_and_status_errors_lists_them()
    {
        var folder = Corpus.Path("openlineage", "events", "openlineage-repo", "fluentd-proxy");
        await RunAsync("harvest", "openlineage", folder);

        var (exitCode, output) = await RunAsync("harvest", "openlineage", folder);
        var (statusExit, status) = await RunAsync("status", "--errors");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unchanged, still failing", output, StringComparison.Ordinal);
        Assert.Equal(0, statusExit);
        Assert.Contains("errors of the latest run: openlineage", status, StringComparison.Ordinal);
        Assert.Contains("event_no_run_id.json", status, StringComparison.Ordinal);
        Assert.Contains("$.run.runId", status, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        IndexerProcess.RunAsync(db.ConnectionString, null, null, arguments);
}
