using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Harvesting;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class IncrementalAndRawInputTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task Unchanged_input_is_skipped_on_the_second_run_and_changes_nothing()
    {
        var engine = db.Engine();
        var first = await engine.HarvestAsync(Items.Input("inc/a.json", "v1"), Items.Dataset("inc", "orders", "id"));
        var updatedBefore = await db.ScalarAsync<DateTime>("SELECT updated_at FROM entities WHERE ref = 'dataset:inc:orders'");

        var second = await engine.HarvestAsync(Items.Input("inc/a.json", "v1"), Items.Dataset("inc", "orders", "id", "changed"));

        Assert.Equal((1, 0, 1), (first.InputsSeen, first.InputsSkipped, first.ItemsApplied));
        Assert.Equal((1, 1, 0), (second.InputsSeen, second.InputsSkipped, second.ItemsApplied));
        Assert.Equal(HarvestRunStatus.Succeeded, second.Status);
        Assert.Equal(updatedBefore, await db.ScalarAsync<DateTime>("SELECT updated_at FROM entities WHERE ref = 'dataset:inc:orders'"));
        Assert.Equal(["id"], await db.ColumnAsync("SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = 'dataset:inc:orders'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM raw_inputs WHERE location = 'inc/a.json'"));
    }

    [Fact]
    public async Task Forced_input_is_processed_again_even_when_unchanged()
    {
        var engine = db.Engine();
        await engine.HarvestAsync(Items.Input("force/a.json", "same"), Items.Dataset("force", "t", "a"));

        var forced = await engine.HarvestAsync(Items.Input("force/a.json", "same") with { Force = true }, Items.Dataset("force", "t", "a", "b"));

        Assert.Equal(0, forced.InputsSkipped);
        Assert.Equal(["a", "b"], await db.ColumnAsync("SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = 'dataset:force:t' ORDER BY ordinal"));
    }

    [Fact]
    public async Task A_failed_input_keeps_its_raw_bytes_with_status_failed_and_applies_nothing()
    {
        var engine = db.Engine();
        var run = await engine.StartRunAsync("test", "raw");
        var batch = (await run.BeginInputAsync(Items.Input("raw/bad.json", "{ not json"), CancellationToken.None))!;
        batch.Add(Items.Dataset("raw", "half_parsed"));
        await batch.FailAsync(new HarvestError("raw/bad.json", "expected a JSON object") { Position = "line 1" }, CancellationToken.None);
        var summary = await run.CompleteAsync();

        Assert.Equal(HarvestRunStatus.Failed, summary.Status);
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM raw_inputs WHERE location = 'raw/bad.json'"));
        Assert.Equal("{ not json", System.Text.Encoding.UTF8.GetString((await db.ScalarAsync<byte[]>("SELECT payload FROM raw_inputs WHERE location = 'raw/bad.json'"))!));
        Assert.Equal("line 1|expected a JSON object", await db.ScalarAsync<string>(
            "SELECT e.position || '|' || e.reason FROM harvest_errors e JOIN raw_inputs r ON r.id = e.raw_input_id WHERE r.location = 'raw/bad.json'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE ref = 'dataset:raw:half_parsed'"));
    }

    [Fact]
    public async Task A_failed_input_is_tried_again_on_the_next_run_once_its_content_changed()
    {
        var engine = db.Engine();
        var run = await engine.StartRunAsync("test", "retry");
        await (await run.BeginInputAsync(Items.Input("retry/a.json", "x"), CancellationToken.None))!
            .FailAsync(new HarvestError("retry/a.json", "broken"), CancellationToken.None);
        await run.CompleteAsync();

        var again = await engine.HarvestAsync(Items.Input("retry/a.json", "x fixed"), Items.Dataset("retry", "t"));

        Assert.Equal((0, 0, 1), (again.InputsSkipped, again.InputsFailed, again.ItemsApplied));
        Assert.Equal("processed", await db.ScalarAsync<string>("SELECT status FROM harvest_inputs WHERE location = 'retry/a.json'"));
    }

    [Fact]
    public async Task A_bad_item_is_reported_with_its_position_and_the_rest_of_the_batch_still_lands()
    {
        var engine = db.Engine();
        // Two refs that render to the same string "dataset:bad:x:y" collide on the unique ref index: a real database error.
        var colliding = new EntityFound(new CatalogEntity { Ref = new EntityRef("dataset", "bad", "x:y") });
        var invalidRetention = new RetentionDeclared(EntityRef.Dataset("bad", "kept"), new RetentionPolicy { Mode = RetentionMode.KeepDays, Value = 0 });

        var summary = await engine.HarvestAsync(Items.Input("bad/mixed.json", "mixed"),
            Items.Dataset("bad", "kept", "id"), Items.Dataset("bad:x", "y"), colliding, invalidRetention, Items.Dataset("bad", "also_kept"));

        Assert.True(summary.Status == HarvestRunStatus.Partial, string.Join("\n", summary.Errors));
        Assert.Equal(2, summary.ErrorCount);
        Assert.Contains(summary.Errors, e => e.Position == "item 3 (EntityFound dataset:bad:x:y)" && e.Reason.Contains("entities_ref", StringComparison.Ordinal));
        Assert.Contains(summary.Errors, e => e.Position == "item 4 (RetentionDeclared)" && e.Reason.Contains("value", StringComparison.Ordinal));
        Assert.Equal(["dataset:bad:also_kept", "dataset:bad:kept", "dataset:bad:x:y"],
            await db.ColumnAsync("SELECT ref FROM entities WHERE namespace LIKE 'bad%' ORDER BY ref"));
        Assert.Equal("processed", await db.ScalarAsync<string>("SELECT status FROM raw_inputs WHERE location = 'bad/mixed.json'"));
    }

    [Fact]
    public async Task A_batch_abandoned_without_commit_applies_nothing()
    {
        var engine = db.Engine();
        var run = await engine.StartRunAsync("test", "abandon");
        await using (var batch = (await run.BeginInputAsync(Items.Input("abandon/a.json", "a"), CancellationToken.None))!)
            batch.Add(Items.Dataset("abandon", "never"));
        var summary = await run.CompleteAsync();

        Assert.Equal(1, summary.InputsFailed);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE namespace = 'abandon'"));
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM harvest_runs WHERE id = $1", summary.RunId));
    }

    [Fact]
    public async Task Pushed_input_is_ingested_into_the_push_window_run_and_an_exact_retransmission_is_recognised()
    {
        var engine = db.Engine();
        var input = Items.Input("push/event-1", "{\"a\":1}", HarvestMode.Delta);

        var first = await engine.IngestAsync("test", input, (batch, _) => { batch.Add(Items.Dataset("push", "events")); return Task.CompletedTask; }, CancellationToken.None);
        var again = await engine.IngestAsync("test", input, (batch, _) => { batch.Add(Items.Dataset("push", "events")); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal((BatchStatus.Applied, 1), (first.Status, first.ItemsApplied));
        Assert.NotNull(first.RawInputId);
        Assert.Equal(BatchStatus.Unchanged, again.Status);
        Assert.Equal("pushed", await db.ScalarAsync<string>(
            "SELECT split_part(r.target, ' ', 1) FROM raw_inputs i JOIN harvest_runs r ON r.id = i.run_id WHERE i.id = $1 AND r.push_window IS NOT NULL", first.RawInputId!.Value));
    }
}
