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

    /// <summary>
    /// Who pushed this input (an OpenLineage POST): the engine judges it as the harvester's push source
    /// (<c>{kind}-push</c>) and writes only the namespaces the pusher's token is bound to. Null for inputs a harvest
    /// run read from a location it was pointed at.
    /// </summary>
    public HarvestPusher? PushedBy { get; init; }
}

/// <summary>
/// The identity behind a pushed input. <see cref="Namespaces"/> are the namespaces its API token may write (<c>*</c>
/// for all); null when no token is involved (an admin's signed-in session), which binds no namespace.
/// </summary>
public sealed record HarvestPusher(string Actor, long? TokenId, IReadOnlyList<string>? Namespaces)
{
    public const string AnyNamespace = "*";

    public bool MayWrite(string @namespace) =>
        Namespaces is null || Namespaces.Contains(AnyNamespace) || Namespaces.Contains(@namespace, StringComparer.Ordinal);

    /// <summary>How the audit trail names this pusher: the token and the account it speaks for.</summary>
    public string Describe() => TokenId is { } id ? $"token:{id} ({Actor})" : Actor;
}

public enum HarvestMode
{
    Full,
    Delta,
}
