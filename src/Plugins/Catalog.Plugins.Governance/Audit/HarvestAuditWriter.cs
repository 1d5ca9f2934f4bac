using Catalog.Domain.Audit;
using Catalog.Harvesting.Trust;
using Npgsql;

namespace Catalog.Plugins.Governance.Audit;

/// <summary>
/// One audit event per governance change a harvest transaction made, in that transaction: the actor is the pusher
/// (<c>token:7 (user:default:bot)</c>) or the harvester, and each event names the source, the harvester and the input.
/// </summary>
internal sealed class HarvestAuditWriter(AuditTrail audit) : IHarvestAudit
{
    public async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, HarvestChangeSource source,
        IReadOnlyList<GovernanceChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
            await audit.RecordAsync(connection, transaction, new AuditRecord(source.Actor, AuditActions.HarvestChanged(change.Fact), change.Entity)
            {
                Before = Json(change.Before),
                After = new
                {
                    value = Json(change.After),
                    change = change.Change,
                    source = source.Source,
                    harvester = source.Harvester,
                    input = source.Location,
                    runId = source.RunId,
                    tokenId = source.PushedBy?.TokenId,
                    pushedBy = source.PushedBy?.Actor,
                },
                Reason = $"{change.Fact} {change.Change} by {source.Source} from {source.Location}",
            }, cancellationToken);
    }

    private static System.Text.Json.JsonElement? Json(string? text) => text is null ? null : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
}
