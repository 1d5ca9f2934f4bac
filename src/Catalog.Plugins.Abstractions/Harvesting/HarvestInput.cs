namespace Catalog.Plugins.Harvesting;

/// <summary>
/// One raw input. <see cref="Location"/> identifies it across runs (a file path relative to the harvest root,
/// <c>http:{runId}</c> for a pushed event, a database's host/name) and is the key for change detection.
/// </summary>
public sealed record HarvestInput(string Location, ReadOnlyMemory<byte> Content, string MediaType = "application/json")
{
    /// <summary>
    /// Full inputs replace everything their location reported before (entities no longer reported are removed);
    /// delta inputs only add and update (pushed OpenLineage events).
    /// </summary>
    public HarvestMode Mode { get; init; } = HarvestMode.Full;

    /// <summary>Skip the unchanged-content check (replay, or deliberate re-harvest).</summary>
    public bool Force { get; init; }
}

public enum HarvestMode
{
    Full,
    Delta,
}
