using System.Security.Cryptography;
using Catalog.Harvesting.Storage;
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
    private readonly NpgsqlDataSource dataSource;

    public HarvestEngine(NpgsqlDataSource dataSource, IOptions<HarvestingOptions> options)
    {
        this.dataSource = dataSource;
        Options = options.Value;
        Ledger = new HarvestLedger(dataSource);
        Applier = new BatchApplier(dataSource, Options);
    }

    internal HarvestingOptions Options { get; }
    internal HarvestLedger Ledger { get; }
    internal BatchApplier Applier { get; }

    /// <summary>Starts a run of <paramref name="harvester"/> over <paramref name="target"/>; finish it with <see cref="HarvestRun.CompleteAsync"/>.</summary>
    public async Task<HarvestRun> StartRunAsync(string harvester, string target, bool force = false, CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7();
        // Held before the row exists, so another process never sees this run as 'running' without its lock.
        var liveness = await RunLiveness.HoldAsync(dataSource, id, cancellationToken);
        try
        {
            await RunLiveness.AbandonDeadRunsAsync(dataSource, id, cancellationToken);
            await Ledger.StartRunAsync(id, harvester, target, cancellationToken);
        }
        catch
        {
            await liveness.DisposeAsync();
            throw;
        }
        return new HarvestRun(this, id, harvester, target, force, liveness);
    }

    public async Task<IngestResult> IngestAsync(string harvester, HarvestInput input, Func<IHarvestBatch, CancellationToken, Task> process, CancellationToken cancellationToken)
    {
        BatchResult? finished = null;
        HarvestError? refused = null;
        var scope = new HarvestBatchScope(null, harvester, Applier, Ledger, r => finished = r);
        var batch = await BeginAsync(scope, input, input.Force, e => refused = e, cancellationToken);
        if (refused is not null) return new IngestResult(BatchStatus.Failed, null, 0, [refused]);
        if (batch is null) return new IngestResult(BatchStatus.Unchanged, null, 0, []);
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
        }
        var result = finished ?? new BatchResult(BatchStatus.Failed, 0, 0, []);
        return new IngestResult(result.Status, batch.RawInputId, result.ItemsApplied, result.Errors);
    }

    /// <summary>Hashes, skips unchanged content, stores the raw input and hands out its batch.</summary>
    internal async Task<HarvestBatch?> BeginAsync(HarvestBatchScope scope, HarvestInput input, bool force, Action<HarvestError> refuse, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(input.Location);
        if (input.Content.Length > Options.MaxInputBytes)
        {
            var error = new HarvestError(input.Location, $"input is {input.Content.Length} bytes, more than the {Options.MaxInputBytes} allowed (Catalog:Harvesting:MaxInputBytes); it was not stored") { Position = "size" };
            refuse(error);
            await Ledger.RecordErrorsAsync(scope.RunId, scope.Harvester, [error], null, cancellationToken);
            return null;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(input.Content.Span));
        if (!force && await Ledger.GetProcessedHashAsync(scope.Harvester, input.Location, cancellationToken) == hash) return null;
        var rawInputId = await Ledger.StoreRawAsync(scope.RunId, scope.Harvester, input, hash, cancellationToken);
        return new HarvestBatch(scope, input, rawInputId, hash, force);
    }
}
