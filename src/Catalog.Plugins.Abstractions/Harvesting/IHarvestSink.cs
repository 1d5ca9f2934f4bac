using Catalog.Domain.Entities;

namespace Catalog.Plugins.Harvesting;

/// <summary>
/// Where harvesters report. Each input (a file, an event, one database) is a batch: its raw bytes are stored first
/// (so nothing is lost and it can be replayed), then its items are applied in one transaction on commit, so a
/// half-processed input is never visible.
/// </summary>
public interface IHarvestSink
{
    /// <summary>
    /// Starts a batch for one input. Returns null when the input's content hash equals the last one that was
    /// processed successfully from the same location: the input is unchanged and the harvester should skip it.
    /// </summary>
    Task<IHarvestBatch?> BeginInputAsync(HarvestInput input, CancellationToken cancellationToken);

    /// <summary>Records an error that belongs to no batch (an unreadable file, a directory that does not exist).</summary>
    Task ReportErrorAsync(HarvestError error, CancellationToken cancellationToken);

    /// <summary>The latest stored schema definition of an event type, for compatibility checks; null if none.</summary>
    Task<StoredSchema?> GetLatestSchemaAsync(EntityRef subject, CancellationToken cancellationToken);
}

/// <summary>A schema version as stored: its number, fingerprint and definition text.</summary>
public sealed record StoredSchema(int Version, string Fingerprint, string Definition);
