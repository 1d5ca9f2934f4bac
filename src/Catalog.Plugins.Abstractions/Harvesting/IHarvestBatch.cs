namespace Catalog.Plugins.Harvesting;

/// <summary>
/// The items found in one input. Nothing is written until <see cref="CommitAsync"/>; disposing without commit
/// discards the items (the raw input stays stored, marked failed, for inspection and replay).
/// </summary>
public interface IHarvestBatch : IAsyncDisposable
{
    HarvestInput Input { get; }

    void Add(HarvestItem item);

    /// <summary>A problem in this input that did not stop the rest of it from landing (a bad field, a skipped node).</summary>
    void AddError(HarvestError error);

    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Marks the input failed with a reason; no items are applied.</summary>
    Task FailAsync(HarvestError error, CancellationToken cancellationToken);

    /// <summary>
    /// The latest stored schema of an event type, as <see cref="IHarvestSink.GetLatestSchemaAsync"/> gives it, for a
    /// harvester that reads one input without a sink (<see cref="IReplayableHarvester.ReadAsync"/>). The default knows
    /// no schemas; the engine's batches answer from the store.
    /// </summary>
    Task<StoredSchema?> GetLatestSchemaAsync(Domain.Entities.EntityRef subject, CancellationToken cancellationToken) => Task.FromResult<StoredSchema?>(null);
}
