using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class FailedInputMemoryTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private static async Task<HarvestRunSummary> FailAsync(HarvestEngine engine, string location, string content, bool force = false)
    {
        var run = await engine.StartRunAsync("test", "memory", force);
        if (await run.BeginInputAsync(Items.Input(location, content), CancellationToken.None) is { } batch)
            await batch.FailAsync(new HarvestError(location, "expected a JSON object") { Position = "line 1, column 3" }, CancellationToken.None);
        return await run.CompleteAsync();
    }

    [Fact]
    public async Task An_unchanged_failed_input_is_skipped_as_still_failing_and_reported_against_its_stored_raw_input()
    {
        var engine = db.Engine();
        await FailAsync(engine, "memory/bad.json", "{ broken");
        var firstRaw = await db.ScalarAsync<long>("SELECT id FROM raw_inputs WHERE location = 'memory/bad.json'");

        var second = await FailAsync(engine, "memory/bad.json", "{ broken");

        Assert.Equal((1, 0, 1, 1), (second.InputsSeen, second.InputsSkipped, second.InputsFailed, second.InputsStillFailing));
        Assert.Equal(HarvestRunStatus.Failed, second.Status);
        Assert.Contains("1 unchanged, still failing", second.Describe(), StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM raw_inputs WHERE location = 'memory/bad.json'"));
        var error = Assert.Single(second.Errors);
        Assert.Equal("unchanged, still failing", error.Position);
        Assert.Contains($"raw input {firstRaw}", error.Reason, StringComparison.Ordinal);
        Assert.Contains("(line 1, column 3): expected a JSON object", error.Reason, StringComparison.Ordinal);
        Assert.Equal(firstRaw, await db.ScalarAsync<long>("SELECT raw_input_id FROM harvest_errors WHERE run_id = $1", second.RunId));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT inputs_still_failing FROM harvest_runs WHERE id = $1", second.RunId));
    }

    [Fact]
    public async Task A_forced_run_processes_an_unchanged_failed_input_again()
    {
        var engine = db.Engine();
        await FailAsync(engine, "memory/forced.json", "{ broken");

        var forced = await FailAsync(engine, "memory/forced.json", "{ broken", force: true);

        Assert.Equal((0, 1), (forced.InputsStillFailing, forced.InputsFailed));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM raw_inputs WHERE location = 'memory/forced.json'"));
    }

    [Fact]
    public async Task A_failed_input_whose_content_reverts_to_the_last_processed_version_is_processed_again()
    {
        var engine = db.Engine();
        await engine.HarvestAsync(Items.Input("memory/revert.json", "good"), Items.Dataset("memory", "revert", "a"));
        await FailAsync(engine, "memory/revert.json", "bad");

        var reverted = await engine.HarvestAsync(Items.Input("memory/revert.json", "good"), Items.Dataset("memory", "revert", "a"));

        Assert.Equal((0, 0, 1), (reverted.InputsSkipped, reverted.InputsFailed, reverted.ItemsApplied));
        Assert.Equal("processed", await db.ScalarAsync<string>("SELECT status FROM harvest_inputs WHERE location = 'memory/revert.json'"));
    }

    [Fact]
    public async Task An_input_interrupted_while_its_batch_was_being_filled_is_not_remembered_as_failing()
    {
        var engine = db.Engine();
        using var stop = new CancellationTokenSource();
        var run = await engine.StartRunAsync("test", "memory");
        // Ctrl+C while the harvester is still adding items: the batch is disposed without a commit.
        await using (var batch = await run.BeginInputAsync(Items.Input("memory/interrupted.json", "good"), stop.Token))
        {
            batch!.Add(Items.Dataset("memory", "interrupted", "a"));
            await stop.CancelAsync();
        }
        await run.CompleteAsync();

        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM raw_inputs WHERE location = 'memory/interrupted.json'"));
        Assert.Contains("interrupted", await db.ScalarAsync<string>("SELECT position FROM harvest_errors WHERE location = 'memory/interrupted.json'"), StringComparison.Ordinal);
        var next = await engine.HarvestAsync(Items.Input("memory/interrupted.json", "good"), Items.Dataset("memory", "interrupted", "a"));
        Assert.Equal((0, 0, 1), (next.InputsStillFailing, next.InputsFailed, next.ItemsApplied));
    }
}
