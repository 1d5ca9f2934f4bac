using Catalog.Harvesting.Storage;
using Catalog.Plugins.Harvesting;

namespace Catalog.Harvesting;

/// <summary>
/// One input's batch. Items are buffered and applied on <see cref="CommitAsync"/> in one transaction; the raw input
/// was stored before the batch was handed out, and a batch disposed without commit marks it failed.
/// </summary>
public sealed class HarvestBatch : IHarvestBatch
{
    private readonly List<HarvestItem> items = [];
    private readonly List<HarvestError> errors = [];
    private readonly HarvestBatchScope scope;
    private readonly CancellationToken stopping;
    private bool finished;

    /// <param name="stopping">The token the input was begun with: cancelled, an uncommitted batch was interrupted, not failed.</param>
    internal HarvestBatch(HarvestBatchScope scope, HarvestInput input, long rawInputId, string contentHash, bool force, CancellationToken stopping)
    {
        this.scope = scope;
        this.stopping = stopping;
        Input = input;
        RawInputId = rawInputId;
        ContentHash = contentHash;
        Force = force;
    }

    public HarvestInput Input { get; }

    public long RawInputId { get; }

    public string ContentHash { get; }

    private bool Force { get; }

    /// <summary>What happened on commit or failure; null while the batch is open.</summary>
    public BatchResult? Result { get; private set; }

    public void Add(HarvestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (finished) throw new InvalidOperationException("The batch is already committed or failed.");
        items.Add(item);
    }

    public Task<StoredSchema?> GetLatestSchemaAsync(Catalog.Domain.Entities.EntityRef subject, CancellationToken cancellationToken) =>
        scope.Ledger.GetLatestSchemaAsync(subject, cancellationToken);

    public void AddError(HarvestError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        errors.Add(error);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (finished) throw new InvalidOperationException("The batch is already committed or failed.");
        finished = true;
        try
        {
            var outcome = await scope.Applier.ApplyAsync(
                new BatchRequest(scope.RunId, scope.Target, scope.Harvester, Input, RawInputId, ContentHash, items, errors, Force) { IsPush = scope.IsPush }, cancellationToken);
            Result = outcome.Kind == BatchOutcomeKind.Unchanged
                ? new BatchResult(BatchStatus.Unchanged, 0, 0, [])
                : new BatchResult(outcome.Errors.Count == 0 ? BatchStatus.Applied : BatchStatus.AppliedWithErrors, outcome.ItemsApplied, outcome.EntitiesRemoved, outcome.Errors);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A processing bug or a lost connection: nothing of the batch is visible; the raw input stays for replay.
            var error = new HarvestError(Input.Location, $"the batch could not be applied and was rolled back: {e.Message}") { Position = "commit" };
            await RecordFailureAsync([.. errors, error], CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            await RecordInterruptedAsync();
            throw;
        }
        scope.Report(Result!);
    }

    /// <summary>
    /// The caller gave up on this input before it was applied (an HTTP producer disconnected, the process is stopping):
    /// the raw input is marked failed with the reason, so <c>replay --failed</c> picks it up, and the run counts it.
    /// Its content is not remembered as failing: nothing is wrong with it, so the next harvest processes it normally.
    /// </summary>
    internal async Task RecordInterruptedAsync()
    {
        finished = true;
        var error = new HarvestError(Input.Location,
            $"interrupted before it was applied (the request was aborted or the process is stopping); nothing of it was applied. " +
            $"The input is kept as raw input {RawInputId}: replay it with `catalog-indexer replay --id {RawInputId}` or `replay --failed`")
        { Position = "interrupted" };
        Result = new BatchResult(BatchStatus.Failed, 0, 0, [.. errors, error]);
        // Only while still pending: if the transaction did commit before the cancellation was noticed, it says 'processed'.
        await scope.Ledger.MarkRawAsync(RawInputId, "failed", error.ToString(), CancellationToken.None, onlyIfPending: true);
        await scope.Ledger.RecordErrorsAsync(scope.RunId, scope.Harvester, Result.Errors, RawInputId, CancellationToken.None);
        scope.Report(Result);
    }

    public async Task FailAsync(HarvestError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (finished) throw new InvalidOperationException("The batch is already committed or failed.");
        finished = true;
        await RecordFailureAsync([.. errors, error], cancellationToken);
        scope.Report(Result!);
    }

    public async ValueTask DisposeAsync()
    {
        if (finished) return;
        // Ctrl+C or shutdown while the harvester was filling the batch: nothing is wrong with the input, so it must not
        // be remembered as failing (the next harvest would skip it as "unchanged, still failing" until --force).
        if (stopping.IsCancellationRequested)
        {
            await RecordInterruptedAsync();
            return;
        }
        finished = true;
        await RecordFailureAsync([.. errors, new HarvestError(Input.Location, "the harvester abandoned this input without committing it") { Position = "batch" }], CancellationToken.None);
        scope.Report(Result!);
    }

    private async Task RecordFailureAsync(IReadOnlyList<HarvestError> failure, CancellationToken cancellationToken)
    {
        Result = new BatchResult(BatchStatus.Failed, 0, 0, failure);
        await scope.Ledger.MarkRawAsync(RawInputId, "failed", failure[^1].ToString(), cancellationToken);
        await scope.Ledger.RecordErrorsAsync(scope.RunId, scope.Harvester, failure, RawInputId, cancellationToken);
        // Pushed inputs are not remembered: a client that sends the same event again expects it to be processed.
        if (!scope.IsPush) await scope.Ledger.RememberFailureAsync(scope, Input.Location, ContentHash, RawInputId, cancellationToken);
    }
}

public enum BatchStatus
{
    Applied,
    /// <summary>Applied, but some items or parts of the input were rejected (see errors).</summary>
    AppliedWithErrors,
    /// <summary>The same content was already processed from this location (found under the location lock).</summary>
    Unchanged,
    /// <summary>Nothing applied; the raw input is kept with status 'failed'.</summary>
    Failed,
}

/// <summary>The outcome of one batch.</summary>
public sealed record BatchResult(BatchStatus Status, int ItemsApplied, int EntitiesRemoved, IReadOnlyList<HarvestError> Errors);

/// <summary>
/// What a batch shares with the run (or the push window) it belongs to. <see cref="Target"/> is the run's target when
/// the run tracks which locations it saw (harvest runs; not replays or pushes, whose inputs never count as deleted files).
/// </summary>
internal sealed record HarvestBatchScope(Guid? RunId, string? Target, bool IsPush, string Harvester, BatchApplier Applier, HarvestLedger Ledger, Action<BatchResult> Report);
