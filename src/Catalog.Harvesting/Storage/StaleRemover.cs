using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// Stale removal for Full inputs: what a location reported before and does not report now is marked removed
/// (entities: lifecycle 'removed'; edges: removed_at; relations are deleted). A fail-safe refuses to remove more
/// than a share of what the location had, since a truncated file or a broken export looks exactly like a mass removal.
/// </summary>
internal static class StaleRemover
{
    private const string CountClaimed = """
        SELECT (SELECT count(*) FROM entities WHERE source_location = @location AND lifecycle IN ('active', 'deprecated'))
             + (SELECT count(*) FROM lineage_edges WHERE source_location = @location AND removed_at IS NULL)
             + (SELECT count(*) FROM column_lineage_edges WHERE source_location = @location AND removed_at IS NULL)
             + (SELECT count(*) FROM entity_relations WHERE source_location = @location)
        """;

    // Edges upserted in this transaction have last_seen = now(); anything older was not reported this time.
    private const string CountStale = """
        SELECT (SELECT count(*) FROM entities WHERE source_location = @location AND lifecycle IN ('active', 'deprecated')
                                                AND ref <> ALL(@described)),
               (SELECT count(*) FROM lineage_edges WHERE source_location = @location AND removed_at IS NULL AND last_seen < now())
             + (SELECT count(*) FROM column_lineage_edges WHERE source_location = @location AND removed_at IS NULL AND last_seen < now())
             + (SELECT count(*) FROM entity_relations r JOIN entities f ON f.id = r.from_id JOIN entities t ON t.id = r.to_id
                WHERE r.source_location = @location AND (f.ref || '|' || r.relation || '|' || t.ref) <> ALL(@relations))
        """;

    private const string Remove = """
        UPDATE entities SET lifecycle = 'removed', removed_at = now(), updated_at = now()
        WHERE source_location = @location AND lifecycle IN ('active', 'deprecated') AND ref <> ALL(@described);
        UPDATE lineage_edges SET removed_at = now() WHERE source_location = @location AND removed_at IS NULL AND last_seen < now();
        UPDATE column_lineage_edges SET removed_at = now() WHERE source_location = @location AND removed_at IS NULL AND last_seen < now();
        DELETE FROM entity_relations r USING entities f, entities t
        WHERE f.id = r.from_id AND t.id = r.to_id AND r.source_location = @location
          AND (f.ref || '|' || r.relation || '|' || t.ref) <> ALL(@relations);
        """;

    public static async Task<long> CountClaimedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string location, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CountClaimed, connection, transaction);
        command.Parameters.AddWithValue("location", location);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Removes what went stale, or refuses with an error; returns the number of entities removed.</summary>
    public static async Task<(int EntitiesRemoved, HarvestError? Refusal)> RemoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string location, long claimedBefore, IReadOnlyCollection<string> described, IReadOnlyCollection<string> relations,
        double maxShare, CancellationToken cancellationToken)
    {
        long staleEntities, staleOther;
        await using (var count = new NpgsqlCommand(CountStale, connection, transaction))
        {
            AddParameters(count, location, described, relations);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            staleEntities = reader.GetInt64(0);
            staleOther = reader.GetInt64(1);
        }
        var stale = staleEntities + staleOther;
        if (stale == 0) return (0, null);
        if (claimedBefore > 0 && stale > maxShare * claimedBefore)
        {
            return (0, new HarvestError(location,
                $"stale removal refused: {stale} of the {claimedBefore} entities and edges this location reported before are missing now " +
                $"({100.0 * stale / claimedBefore:0}% > the {100 * maxShare:0}% fail-safe). Nothing was removed; if the removal is intended, " +
                $"raise Catalog:Harvesting:MaxRemovalShare for one run.") { Position = "stale removal" });
        }
        await using var remove = new NpgsqlCommand(Remove, connection, transaction);
        AddParameters(remove, location, described, relations);
        await remove.ExecuteNonQueryAsync(cancellationToken);
        return ((int)staleEntities, null);
    }

    private static void AddParameters(NpgsqlCommand command, string location, IReadOnlyCollection<string> described, IReadOnlyCollection<string> relations)
    {
        command.Parameters.AddWithValue("location", location);
        command.Parameters.AddWithValue("described", described.ToArray());
        command.Parameters.AddWithValue("relations", relations.ToArray());
    }
}
