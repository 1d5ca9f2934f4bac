using System.Collections.Concurrent;
using System.Diagnostics;
using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;

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
    private readonly IAsyncDisposable liveness;
    private int inputsSeen, inputsSkipped, inputsFailed, itemsApplied, entitiesRemoved, errorCount;

    internal HarvestRun(HarvestEngine engine, Guid id, string harvester, string target, bool force, IAsyncDisposable liveness)
    {
        this.engine = engine;
        this.liveness = liveness;
        Id = id;
        Harvester = harvester;
        Target = target;
        Force = force;
    }

    public Guid Id { get; }
    public string Harvester { get; }
    public string Target { get; }

    /// <summary>Re-process every input even when its content is unchanged.</summary>
    public bool Force { get; }

    public async Task<IHarvestBatch?> BeginInputAsync(HarvestInput input, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref inputsSeen);
        var batch = await engine.BeginAsync(Scope(), input, Force || input.Force, OnRefused, cancellationToken);
        if (batch is null) Interlocked.Increment(ref inputsSkipped);
        return batch;
    }

    public async Task ReportErrorAsync(HarvestError error, CancellationToken cancellationToken)
    {
        Note([error]);
        await engine.Ledger.RecordErrorsAsync(Id, Harvester, [error], null, cancellationToken);
    }

    public Task<StoredSchema?> GetLatestSchemaAsync(EntityRef subject, CancellationToken cancellationToken) =>
        engine.Ledger.GetLatestSchemaAsync(subject, cancellationToken);

    /// <summary>Finishes the run; <paramref name="crash"/> is the harvester's unhandled exception, if any.</summary>
    public async Task<HarvestRunSummary> CompleteAsync(Exception? crash = null, CancellationToken cancellationToken = default)
    {
        if (crash is not null)
            await ReportErrorAsync(new HarvestError(Target, $"the harvester stopped with an unexpected error: {crash.Message}") { Position = crash.GetType().Name }, cancellationToken);
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
            ItemsApplied = itemsApplied,
            EntitiesRemoved = entitiesRemoved,
            ErrorCount = errorCount,
            Elapsed = clock.Elapsed,
            Errors = [.. firstErrors],
        };
        try
        {
            await engine.Ledger.FinishRunAsync(summary, cancellationToken);
        }
        finally
        {
            await liveness.DisposeAsync(); // the run is finished (or could not be recorded): release its liveness lock
        }
        return summary;
    }

    private HarvestBatchScope Scope() => new(Id, Harvester, engine.Applier, engine.Ledger, OnBatchFinished);

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

    private void OnRefused(HarvestError error)
    {
        Interlocked.Increment(ref inputsFailed);
        Note([error]);
    }

    private void Note(IReadOnlyList<HarvestError> errors)
    {
        Interlocked.Add(ref errorCount, errors.Count);
        foreach (var error in errors)
            if (firstErrors.Count < engine.Options.SummaryErrors) firstErrors.Enqueue(error);
    }
}
