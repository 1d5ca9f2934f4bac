using Catalog.Plugins.Harvesting;

namespace Catalog.Harvesting;

/// <summary>
/// Ingests one pushed input outside any harvest run: an OpenLineage event posted to the API, or metadata a seeder
/// writes. The raw input is stored first; <c>process</c> reads it and fills the batch (adding items, errors, or
/// failing it); the batch is then committed in one transaction unless <c>process</c> already committed or failed it.
/// </summary>
public interface IHarvestService
{
    Task<IngestResult> IngestAsync(string harvester, HarvestInput input, Func<IHarvestBatch, CancellationToken, Task> process, CancellationToken cancellationToken);
}

/// <summary>What happened to a pushed input; <see cref="RawInputId"/> is null when nothing was stored (unchanged or refused).</summary>
public sealed record IngestResult(BatchStatus Status, long? RawInputId, int ItemsApplied, IReadOnlyList<HarvestError> Errors)
{
    public bool Succeeded => Status is BatchStatus.Applied or BatchStatus.Unchanged;
}
