using System.Collections.Concurrent;
using System.Diagnostics;
using Catalog.Domain.Entities;
using Catalog.Harvesting.Storage;
using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting;

/// <summary>
/// One harvest run: the sink a harvester reports to. Counts what happens to every input and, on
/// <see cref="CompleteAsync"/>, writes the run's row in <c>harvest_runs</c>. Safe for harvesters that work in parallel.
/// </summary>
public sealed class HarvestRun : IHarvestSink
{
    private readonly HarvestEngine engine;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<HarvestError> firstErrors = new();
    private readonly CancellationTokenSource heartbeat = new();
    private Task heartbeatLoop = Task.CompletedTask;
    private int inputsSeen, inputsSkipped, inputsFailed, inputsStillFailing, itemsApplied, entitiesRemoved, errorCount, runErrors;

    private readonly bool trackLocations;

    internal HarvestRun(HarvestEngine engine, Guid id, string harvester, string target, bool force, bool trackLocations)
    {
        this.trackLocations = trackLocations;
        this.engine = engine;
        Id = id;
        Harvester = harvester;
        Target = target;
        Force = force;
    }

    public Guid Id { get; }
    public string Harvester { get; }

    /// <summary>The target, redacted (<see cref="SecretRedaction"/>): what is stored, logged and shown.</summary>
    public string Target { get; }

    /// <summary>Re-process every input even when its content is unchanged.</summary>
    public bool Force { get; }

    public Task<IHarvestBatch?> BeginInputAsync(HarvestInput input, CancellationToken cancellationToken) =>
        BeginInputAsync(Harvester, input, cancellationToken);

    /// <summary>
    /// Begins an input on behalf of another harvester (replay: the input is stored, remembered and its errors recorded
    /// under the harvester that first read it, so its next harvest knows it was fixed).
    /// </summary>
    internal async Task<IHarvestBatch?> BeginInputAsync(string harvester, HarvestInput input, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref inputsSeen);
        var begun = await engine.BeginAsync(Scope(harvester), input, Force || input.Force, cancellationToken);
        switch (begun.Outcome)
        {
            case BeginOutcome.Unchanged:
                Interlocked.Increment(ref inputsSkipped);
                break;
            case BeginOutcome.StillFailing:
                // Unchanged and still failing: a failed input of this run too (the run should not look healthier than it is).
                Interlocked.Increment(ref inputsStillFailing);
                Interlocked.Increment(ref inputsFailed);
                Note([begun.Error!]);
                break;
            case BeginOutcome.Refused:
                Interlocked.Increment(ref inputsFailed);
                Note([begun.Error!]);
                break;
        }
        return begun.Batch;
    }

    public async Task ReportErrorAsync(HarvestError error, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref runErrors);
        Note([error]);
        await engine.Ledger.RecordErrorsAsync(Id, Harvester, [error], null, cancellationToken);
    }

    public Task<StoredSchema?> GetLatestSchemaAsync(EntityRef subject, CancellationToken cancellationToken) =>
        engine.Ledger.GetLatestSchemaAsync(subject, cancellationToken);

    /// <summary>Finishes the run; <paramref name="crash"/> is the harvester's unhandled exception, if any.</summary>
    public async Task<HarvestRunSummary> CompleteAsync(Exception? crash = null, CancellationToken cancellationToken = default)
    {
        await StopHeartbeatAsync();
        if (crash is not null)
            await ReportErrorAsync(new HarvestError(Target, $"the harvester stopped with an unexpected error: {SecretRedaction.Redact(crash.Message)}") { Position = crash.GetType().Name }, cancellationToken);
        else if (trackLocations && runErrors == 0 && inputsSeen > 0)
        {
            // Only a run that listed its whole target (no crash, no unreadable file or folder) may conclude a file is gone.
            var (removed, refusal) = await engine.VanishedLocations.RemoveAsync(Id, Harvester, Target, cancellationToken);
            Interlocked.Add(ref entitiesRemoved, removed);
            if (refusal is not null) await ReportErrorAsync(refusal, cancellationToken);
        }
        var landed = inputsSeen - inputsFailed;
        var status = crash is not null ? HarvestRunStatus.Failed
            : errorCount == 0 ? HarvestRunStatus.Succeeded
            : landed > 0 ? HarvestRunStatus.Partial
            : HarvestRunStatus.Failed;
        var summary = new HarvestRunSummary
        {
            RunId = Id,
            Harvester = Harvester,
            Target = Target,
            Status = status,
            InputsSeen = inputsSeen,
            InputsSkipped = inputsSkipped,
            InputsFailed = inputsFailed,
            InputsStillFailing = inputsStillFailing,
            ItemsApplied = itemsApplied,
            EntitiesRemoved = entitiesRemoved,
            ErrorCount = errorCount,
            Elapsed = clock.Elapsed,
            Errors = [.. firstErrors],
        };
        await engine.Ledger.FinishRunAsync(summary, cancellationToken);
        return summary;
    }

    private HarvestBatchScope Scope(string harvester) => new(Id, trackLocations ? Target : null, IsPush: false, harvester, engine.Applier, engine.Ledger, OnBatchFinished);

    /// <summary>Beats every <see cref="HarvestingOptions.HeartbeatSeconds"/> until the run completes, so other processes can tell it is alive.</summary>
    internal void StartHeartbeat()
    {
        var interval = TimeSpan.FromSeconds(engine.Options.HeartbeatSeconds);
        heartbeatLoop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(heartbeat.Token))
                {
                    try { await engine.Ledger.HeartbeatAsync(Id, heartbeat.Token); }
                    catch (NpgsqlException) { /* a missed beat is not fatal: the next one (or the run's end) catches up */ }
                }
            }
            catch (OperationCanceledException) { }
        });
    }

    private async Task StopHeartbeatAsync()
    {
        await heartbeat.CancelAsync();
        await heartbeatLoop;
        heartbeat.Dispose();
    }

    private void OnBatchFinished(BatchResult result)
    {
        switch (result.Status)
        {
            case BatchStatus.Unchanged: Interlocked.Increment(ref inputsSkipped); break;
            case BatchStatus.Failed: Interlocked.Increment(ref inputsFailed); break;
        }
        Interlocked.Add(ref itemsApplied, result.ItemsApplied);
        Interlocked.Add(ref entitiesRemoved, result.EntitiesRemoved);
        Note(result.Errors);
    }

    private void Note(IReadOnlyList<HarvestError> errors)
    {
        Interlocked.Add(ref errorCount, errors.Count);
        foreach (var error in errors)
            if (firstErrors.Count < engine.Options.SummaryErrors) firstErrors.Enqueue(HarvestLedger.Redacted(error));
    }
}
