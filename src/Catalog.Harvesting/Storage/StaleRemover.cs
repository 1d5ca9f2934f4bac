using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// Stale removal for Full inputs: what a location reported before and does not report now is marked removed
/// (entities: lifecycle 'removed'; edges: removed_at; relations and descriptor policies — origin 'descriptor' only,
/// never portal rows — are deleted). A fail-safe refuses to remove more than a share of what the location had, since a
/// truncated file or a broken export looks exactly like a mass removal. The statements take an array of locations so
/// <see cref="VanishedLocations"/> can remove everything of files that disappeared (with nothing "described").
/// </summary>
internal static class StaleRemover
{
    private const string CountClaimed = """
        SELECT (SELECT count(*) FROM entities WHERE source_location = ANY(@locations) AND lifecycle IN ('active', 'deprecated'))
             + (SELECT count(*) FROM lineage_edges WHERE source_location = ANY(@locations) AND removed_at IS NULL)
             + (SELECT count(*) FROM column_lineage_edges WHERE source_location = ANY(@locations) AND removed_at IS NULL)
             + (SELECT count(*) FROM entity_relations WHERE source_location = ANY(@locations))
             + (SELECT count(*) FROM access_grants WHERE source_location = ANY(@locations) AND origin = 'descriptor')
             + (SELECT count(*) FROM retention_policies WHERE source_location = ANY(@locations) AND origin = 'descriptor')
        """;

    // Edges upserted in this transaction have last_seen = now(); anything older was not reported this time.
    private const string CountStale = """
        SELECT (SELECT count(*) FROM entities WHERE source_location = ANY(@locations) AND lifecycle IN ('active', 'deprecated')
                                                AND ref <> ALL(@described)),
               (SELECT count(*) FROM lineage_edges WHERE source_location = ANY(@locations) AND removed_at IS NULL AND last_seen < now())
             + (SELECT count(*) FROM column_lineage_edges WHERE source_location = ANY(@locations) AND removed_at IS NULL AND last_seen < now())
             + (SELECT count(*) FROM entity_relations r JOIN entities f ON f.id = r.from_id JOIN entities t ON t.id = r.to_id
                WHERE r.source_location = ANY(@locations) AND (f.ref || '|' || r.relation || '|' || t.ref) <> ALL(@relations))
             + (SELECT count(*) FROM access_grants g JOIN entities e ON e.id = g.entity_id
                WHERE g.source_location = ANY(@locations) AND g.origin = 'descriptor'
                  AND ('grant|' || e.ref || '|' || g.principal_ref || '|' || g.permission) <> ALL(@policies))
             + (SELECT count(*) FROM retention_policies p JOIN entities e ON e.id = p.entity_id
                WHERE p.source_location = ANY(@locations) AND p.origin = 'descriptor' AND ('retention|' || e.ref) <> ALL(@policies))
        """;

    private const string Remove = """
        UPDATE entities SET lifecycle = 'removed', removed_at = now(), updated_at = now()
        WHERE source_location = ANY(@locations) AND lifecycle IN ('active', 'deprecated') AND ref <> ALL(@described);
        UPDATE lineage_edges SET removed_at = now() WHERE source_location = ANY(@locations) AND removed_at IS NULL AND last_seen < now();
        UPDATE column_lineage_edges SET removed_at = now() WHERE source_location = ANY(@locations) AND removed_at IS NULL AND last_seen < now();
        DELETE FROM entity_relations r USING entities f, entities t
        WHERE f.id = r.from_id AND t.id = r.to_id AND r.source_location = ANY(@locations)
          AND (f.ref || '|' || r.relation || '|' || t.ref) <> ALL(@relations);
        DELETE FROM access_grants g USING entities e
        WHERE e.id = g.entity_id AND g.source_location = ANY(@locations) AND g.origin = 'descriptor'
          AND ('grant|' || e.ref || '|' || g.principal_ref || '|' || g.permission) <> ALL(@policies);
        DELETE FROM retention_policies p USING entities e
        WHERE e.id = p.entity_id AND p.source_location = ANY(@locations) AND p.origin = 'descriptor'
          AND ('retention|' || e.ref) <> ALL(@policies);
        """;

    public static async Task<long> CountClaimedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> locations,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CountClaimed, connection, transaction);
        command.Parameters.AddWithValue("locations", locations.ToArray());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Removes what went stale, or refuses with an error; returns the number of entities removed.</summary>
    public static async Task<(int EntitiesRemoved, HarvestError? Refusal)> RemoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string location, long claimedBefore, StillReported reported, double maxShare, CancellationToken cancellationToken)
    {
        var (staleEntities, staleOther) = await CountStaleAsync(connection, transaction, [location], reported, cancellationToken);
        var stale = staleEntities + staleOther;
        if (stale == 0) return (0, null);
        if (claimedBefore > 0 && stale > maxShare * claimedBefore)
        {
            return (0, new HarvestError(location,
                $"stale removal refused: {stale} of the {claimedBefore} entities and edges this location reported before are missing now " +
                $"({100.0 * stale / claimedBefore:0}% > the {100 * maxShare:0}% fail-safe). Nothing was removed; if the removal is intended, " +
                $"raise Catalog:Harvesting:MaxRemovalShare for one run.") { Position = "stale removal" });
        }
        await RemoveAllAsync(connection, transaction, [location], reported, cancellationToken);
        return ((int)staleEntities, null);
    }

    public static async Task<(long Entities, long Other)> CountStaleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyCollection<string> locations, StillReported reported, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand(CountStale, connection, transaction);
        AddParameters(count, locations, reported);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static async Task RemoveAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string> locations,
        StillReported reported, CancellationToken cancellationToken)
    {
        await using var remove = new NpgsqlCommand(Remove, connection, transaction);
        AddParameters(remove, locations, reported);
        await remove.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameters(NpgsqlCommand command, IReadOnlyCollection<string> locations, StillReported reported)
    {
        command.Parameters.AddWithValue("locations", locations.ToArray());
        command.Parameters.AddWithValue("described", reported.Entities.ToArray());
        command.Parameters.AddWithValue("relations", reported.Relations.ToArray());
        command.Parameters.AddWithValue("policies", reported.Policies.ToArray());
    }
}

/// <summary>What a Full input still reports: entity refs, relation keys (from|type|to) and policy keys (see <see cref="ItemPlan.PolicyKey"/>).</summary>
internal sealed record StillReported(IReadOnlyCollection<string> Entities, IReadOnlyCollection<string> Relations, IReadOnlyCollection<string> Policies)
{
    public static readonly StillReported Nothing = new([], [], []);
}
