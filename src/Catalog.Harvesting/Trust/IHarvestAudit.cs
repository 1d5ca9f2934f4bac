using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting.Trust;

/// <summary>
/// Writes the governance changes of one harvest transaction into the audit trail, inside that transaction. The
/// governance plugin registers the implementation (its hash-chained trail); without one, harvests are not audited.
/// </summary>
public interface IHarvestAudit
{
    Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, HarvestChangeSource source,
        IReadOnlyList<GovernanceChange> changes, CancellationToken cancellationToken);
}

/// <summary>Where a harvest's changes came from: the trust source, the harvester, the input's location, the pusher.</summary>
public sealed record HarvestChangeSource(string Source, string Harvester, string Location, Guid? RunId, HarvestPusher? PushedBy)
{
    /// <summary>The audit actor: the pusher for pushed inputs, the harvester otherwise.</summary>
    public string Actor => PushedBy?.Describe() ?? $"harvester:{Harvester}";
}

/// <summary>One change of a governance fact (<c>owner</c>, <c>classification</c>, <c>access</c>, <c>retention</c>); before/after are JSON.</summary>
public sealed record GovernanceChange(string Entity, string Fact, string Change, string? Before, string? After);
