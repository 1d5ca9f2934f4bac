namespace Catalog.Plugins.Harvesting;

/// <summary>
/// One raw input. <see cref="Location"/> identifies it across runs and across every source of the harvester (a file's
/// absolute path, <c>http:{runId}</c> for a pushed event, a database's namespace/name): it keys change detection and
/// what the input claims, so a path relative to a harvest root is not enough (two roots have the same relative names).
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
