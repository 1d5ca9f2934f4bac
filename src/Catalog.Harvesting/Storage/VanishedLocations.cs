using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// Deleted files: at the end of a run, the locations of the same harvester and target last seen before this run
/// started (every input a run begins stamps its location's seen_at; a concurrent run of the same target stamps too, so
/// it never makes this one think a file vanished; seen_at is the wall clock of the write, not its transaction's start,
/// so a row another indexer commits during this run is never dated before it) are gone from the source. What they
/// claimed goes through stale removal (entities, edges, relations, descriptor policies), and their remembered content
/// hash is forgotten so the file is harvested again should it come back. Delta locations (OpenLineage files) claim
/// nothing, so for them only the hash is forgotten. The fail-safe share applies to the whole target: if the vanished
/// files claimed more than <see cref="HarvestingOptions.MaxRemovalShare"/> of what all its files claimed (an unmounted
/// folder, a half-finished checkout), nothing is removed and the run records why.
/// </summary>
internal sealed class VanishedLocations(NpgsqlDataSource dataSource, HarvestingOptions options, Trust.IHarvestAudit? audit)
{
    public async Task<(int EntitiesRemoved, HarvestError? Refusal)> RemoveAsync(Guid runId, string harvester, string target, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (all, vanished) = await LocationsAsync(connection, transaction, runId, harvester, target, cancellationToken);
        if (vanished.Count == 0) return (0, null);

        // The same per-location lock batches take: a concurrent batch of one of these files waits, or is waited for.
        await using (var lockLocations = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended(@harvester || E'\\n' || l, 0)) FROM unnest(@locations) AS l ORDER BY l", connection, transaction))
        {
            lockLocations.Parameters.AddWithValue("harvester", harvester);
            lockLocations.Parameters.AddWithValue("locations", vanished.ToArray());
            await lockLocations.ExecuteNonQueryAsync(cancellationToken);
        }
        var claimedByTarget = await StaleRemover.CountClaimedAsync(connection, transaction, all, cancellationToken);
        var (entities, other) = await StaleRemover.CountStaleAsync(connection, transaction, vanished, StillReported.Nothing, cancellationToken);
        var stale = entities + other;
        if (stale > 0 && stale > options.MaxRemovalShare * claimedByTarget)
        {
            return (0, new HarvestError(target,
                $"removal of deleted files refused: {vanished.Count} of the {all.Count} files this target had are gone " +
                $"(e.g. {vanished[0]}), and they held {stale} of its {claimedByTarget} entities and edges " +
                $"({100.0 * stale / claimedByTarget:0}% > the {100 * options.MaxRemovalShare:0}% fail-safe). Nothing was removed; if the " +
                "files were deleted on purpose, raise Catalog:Harvesting:MaxRemovalShare for one run.") { Position = "deleted files" });
        }
        if (stale > 0)
        {
            // Descriptor grants and retention of a deleted file go too: audited like any harvest change.
            if (audit is not null) await Trust.GovernanceChangeLog.EnableAsync(connection, transaction, cancellationToken);
            await StaleRemover.RemoveAllAsync(connection, transaction, vanished, StillReported.Nothing, cancellationToken);
            if (audit is not null)
                await Trust.GovernanceChangeLog.FlushAsync(connection, transaction, audit,
                    new Trust.HarvestChangeSource(harvester, harvester, $"deleted: {string.Join(", ", vanished.Take(20))}", runId, null), cancellationToken);
        }
        await using (var forget = new NpgsqlCommand("DELETE FROM harvest_inputs WHERE harvester = @harvester AND location = ANY(@locations)", connection, transaction))
        {
            forget.Parameters.AddWithValue("harvester", harvester);
            forget.Parameters.AddWithValue("locations", vanished.ToArray());
            await forget.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return ((int)entities, null);
    }

    private static async Task<(List<string> All, List<string> Vanished)> LocationsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid runId, string harvester, string target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT location, seen_at IS NULL OR seen_at < (SELECT started_at FROM harvest_runs WHERE id = @run)
            FROM harvest_inputs WHERE harvester = @harvester AND target = @target ORDER BY location
            """, connection, transaction);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("harvester", harvester);
        command.Parameters.AddWithValue("target", target);
        var all = new List<string>();
        var vanished = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            all.Add(reader.GetString(0));
            if (reader.GetBoolean(1)) vanished.Add(reader.GetString(0));
        }
        return (all, vanished);
    }
}
