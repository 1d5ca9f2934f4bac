namespace Catalog.Plugins.Harvesting;

/// <summary>
/// A harvester that can read one input from its stored bytes alone. The engine uses it to replay raw inputs
/// (<c>catalog-indexer replay</c>) and to ingest pushed inputs (the OpenLineage endpoint). Optional: harvesters whose
/// input is not a self-contained blob (a live database) only implement <see cref="IHarvester"/>.
/// </summary>
public interface IReplayableHarvester : IHarvester
{
    /// <summary>
    /// Reads <paramref name="input"/> and adds its items and errors to <paramref name="batch"/>, or fails the batch when
    /// nothing in it is usable. Does not commit: the caller does, so replay and push share one transaction rule.
    /// </summary>
    Task ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken);
}
