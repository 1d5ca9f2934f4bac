using System.Security.Cryptography;
using Catalog.Harvesting.Storage;
using Catalog.Harvesting.Trust;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Harvesting;

/// <summary>
/// The harvest engine: starts runs (each an <see cref="IHarvestSink"/>) and ingests single pushed inputs.
/// Raw inputs are stored before processing; unchanged content per (harvester, location) is skipped; each input is
/// applied in one transaction. Several engines (processes) may share one database.
/// </summary>
public sealed class HarvestEngine : IHarvestService
{
    public HarvestEngine(NpgsqlDataSource dataSource, IOptions<HarvestingOptions> options, TimeProvider? clock = null)
        : this(dataSource, options, Microsoft.Extensions.Options.Options.Create(new TrustOptions()), audit: null, clock)
    {
    }

    /// <param name="trust">Which source may set which governance facts (Catalog:Harvesting:Trust).</param>
    /// <param name="audit">Writes every governance change a harvest makes into the audit trail; null audits nothing.</param>
    /// <param name="clock">The clock push windows are keyed by; the system clock when null.</param>
    public HarvestEngine(NpgsqlDataSource dataSource, IOptions<HarvestingOptions> options, IOptions<TrustOptions> trust, IHarvestAudit? audit, TimeProvider? clock = null)
    {
        Options = options.Value;
        Ledger = new HarvestLedger(dataSource);
        Applier = new BatchApplier(dataSource, Options, trust.Value, audit);
        PushWindows = new PushWindows(dataSource, Options, clock ?? TimeProvider.System);
        StuckRuns = new StuckRuns(dataSource, Options);
        VanishedLocations = new VanishedLocations(dataSource, Options, audit);
    }

    internal HarvestingOptions Options { get; }
    internal PushWindows PushWindows { get; }
    internal VanishedLocations VanishedLocations { get; }

    /// <summary>Finds runs left 'running' by a process that died and marks them 'abandoned'.</summary>
    public StuckRuns StuckRuns { get; }
    private int stuckRunsChecked;
    internal HarvestLedger Ledger { get; }
    internal BatchApplier Applier { get; }

    /// <summary>
    /// Starts a run of <paramref name="harvester"/> over <paramref name="target"/>; finish it with <see cref="HarvestRun.CompleteAsync"/>.
    /// The run keeps (and stores, and reports) the target redacted (<see cref="SecretRedaction"/>): a connection string's
    /// password never reaches <c>harvest_runs</c>, a log or a page. Give the harvester the target itself.
    /// </summary>
    /// <param name="trackLocations">
    /// Stamp every input's location with this run and target, and at completion remove what the target's files that
    /// disappeared had reported. False for runs whose target is not a source (replay).
    /// </param>
    public async Task<HarvestRun> StartRunAsync(string harvester, string target, bool force = false, CancellationToken cancellationToken = default,
        bool trackLocations = true)
    {
        // Once per engine (process): runs a dead process left behind are marked abandoned before new ones start.
        if (Interlocked.Exchange(ref stuckRunsChecked, 1) == 0) await StuckRuns.AbandonAsync(cancellationToken);
        var run = new HarvestRun(this, Guid.CreateVersion7(), harvester, SecretRedaction.Redact(target), force, trackLocations);
        await Ledger.StartRunAsync(run.Id, harvester, run.Target, cancellationToken);
        run.StartHeartbeat();
        return run;
    }

    public async Task<IngestResult> IngestAsync(string harvester, HarvestInput input, Func<IHarvestBatch, CancellationToken, Task> process, CancellationToken cancellationToken)
    {
        BatchResult? finished = null;
        var window = await PushWindows.RunIdAsync(harvester, cancellationToken);
        var scope = new HarvestBatchScope(window, null, IsPush: true, harvester, Applier, Ledger, r => finished = r);
        var begun = await BeginAsync(scope, input, input.Force, cancellationToken);
        if (begun.Batch is not { } batch)
        {
            var skipped = begun.Outcome == BeginOutcome.Refused
                ? new IngestResult(BatchStatus.Failed, null, 0, [begun.Error!])
                : new IngestResult(BatchStatus.Unchanged, null, 0, []);
            await PushWindows.CountAsync(window, skipped, cancellationToken);
            return skipped;
        }
        await using (batch)
        {
            try
            {
                await process(batch, cancellationToken);
                if (finished is null) await batch.CommitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && finished is null)
            {
                await batch.FailAsync(new HarvestError(input.Location, $"processing stopped with an unexpected error: {e.Message}") { Position = e.GetType().Name }, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The pusher went away (or the portal is stopping) after its input was stored: keep it as failed for
                // replay, with the reason, and count it in the push window; then let the cancellation go on.
                if (finished is null) await batch.RecordInterruptedAsync();
                if (finished is { } interrupted)
                    await PushWindows.CountAsync(window, new IngestResult(interrupted.Status, batch.RawInputId, 0, interrupted.Errors), CancellationToken.None);
                throw;
            }
        }
        var result = finished ?? new BatchResult(BatchStatus.Failed, 0, 0, []);
        var ingested = new IngestResult(result.Status, batch.RawInputId, result.ItemsApplied, result.Errors);
        await PushWindows.CountAsync(window, ingested, CancellationToken.None);
        return ingested;
    }

    /// <summary>
    /// Hashes the input and decides: refuse it (too large), skip it (unchanged since it was processed, or unchanged since
    /// it failed — the latter recorded as an error of this run that points at the stored raw input), or store the raw
    /// bytes and hand out the batch.
    /// </summary>
    internal async Task<BeginResult> BeginAsync(HarvestBatchScope scope, HarvestInput input, bool force, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input.Location);
        // A location keys raw_inputs, harvest_inputs and what the input claims: stored redacted, consistently everywhere.
        if (SecretRedaction.Redact(input.Location) is var location && location != input.Location) input = input with { Location = location };
        if (input.Content.Length > Options.MaxInputBytes)
        {
            var error = new HarvestError(input.Location, $"input is {input.Content.Length} bytes, more than the {Options.MaxInputBytes} allowed (Catalog:Harvesting:MaxInputBytes); it was not stored") { Position = "size" };
            await Ledger.RecordErrorsAsync(scope.RunId, scope.Harvester, [error], null, cancellationToken);
            return new BeginResult(null, BeginOutcome.Refused, error);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(input.Content.Span));
        var known = await Ledger.SeeInputAsync(scope, input.Location, cancellationToken);
        if (!force && known?.ContentHash == hash)
        {
            if (!known.Failed) return new BeginResult(null, BeginOutcome.Unchanged, null);
            if (!scope.IsPush)
            {
                var error = StillFailing(input.Location, known);
                await Ledger.RecordErrorsAsync(scope.RunId, scope.Harvester, [error], known.RawInputId, cancellationToken);
                return new BeginResult(null, BeginOutcome.StillFailing, error);
            }
        }
        var rawInputId = await Ledger.StoreRawAsync(scope.RunId, scope.Harvester, input, hash, cancellationToken);
        return new BeginResult(new HarvestBatch(scope, input, rawInputId, hash, force, cancellationToken), BeginOutcome.Started, null);
    }

    private static HarvestError StillFailing(string location, KnownInput known) => new(location,
        $"unchanged since it failed{(known.RawInputId is { } id ? $" (raw input {id})" : "")}, so it was not processed again; " +
        $"fix the source, or re-process it with --force{(known.RawInputId is { } r ? $" or `catalog-indexer replay --id {r}`" : "")}. " +
        $"It failed with: {known.RawError ?? "(no reason recorded)"}") { Position = "unchanged, still failing" };
}

internal enum BeginOutcome { Started, Unchanged, StillFailing, Refused }

/// <summary>What <see cref="HarvestEngine.BeginAsync"/> decided; <see cref="Error"/> is set for refused and still-failing inputs.</summary>
internal sealed record BeginResult(HarvestBatch? Batch, BeginOutcome Outcome, HarvestError? Error);
