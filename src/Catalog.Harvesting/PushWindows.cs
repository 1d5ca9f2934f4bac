using System.Collections.Concurrent;
using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting;

/// <summary>
/// Pushed inputs (OpenLineage events POSTed to the portal) belong to no harvest run of their own. So that they show on
/// the harvest-runs page, each harvester's pushes are counted in one run per UTC window of
/// <see cref="HarvestingOptions.PushWindowMinutes"/> (default an hour): target <c>pushed 2026-11-21 09:00–10:00 UTC</c>,
/// its counts growing with every push, its status recomputed each time, its errors and raw inputs linked to it.
/// </summary>
internal sealed class PushWindows(NpgsqlDataSource dataSource, HarvestingOptions options, TimeProvider clock)
{
    // The current window's run id per harvester, so a push costs one statement (the count) in the common case.
    private readonly ConcurrentDictionary<string, (DateTimeOffset Window, Guid RunId)> current = new(StringComparer.Ordinal);

    public async Task<Guid> RunIdAsync(string harvester, CancellationToken cancellationToken)
    {
        var window = WindowOf(clock.GetUtcNow());
        if (current.TryGetValue(harvester, out var known) && known.Window == window) return known.RunId;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO harvest_runs (id, harvester, target, status, host, started_at, finished_at, push_window, summary)
            VALUES ($1, $2, $3, 'succeeded', $4, $5, $5, $5, 'no pushed inputs yet')
            ON CONFLICT (harvester, push_window) WHERE push_window IS NOT NULL DO UPDATE SET push_window = EXCLUDED.push_window
            RETURNING id
            """);
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(harvester);
        command.Parameters.AddWithValue($"pushed {window:yyyy-MM-dd HH:mm}–{window.AddMinutes(options.PushWindowMinutes):HH:mm} UTC");
        command.Parameters.AddWithValue(Environment.MachineName);
        command.Parameters.AddWithValue(window.UtcDateTime);
        var runId = (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
        current[harvester] = (window, runId);
        return runId;
    }

    /// <summary>
    /// Adds one pushed input's outcome to its window's run. Every push updates this one row, so its lock is held only
    /// until the commit is written, not flushed (<see cref="Storage.HarvestLedger.AsyncCommit"/>): these are counts, and a
    /// crash can at worst lose the last fraction of a second of them, never an input (its own commit was synchronous).
    /// </summary>
    public async Task CountAsync(Guid runId, IngestResult result, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Storage.HarvestLedger.AsyncCommit));
        // SET expressions see the row before the update, hence "old + this push" in status and summary.
        var command = new NpgsqlBatchCommand("""
            UPDATE harvest_runs SET inputs_seen = inputs_seen + 1, inputs_skipped = inputs_skipped + $2, inputs_failed = inputs_failed + $3,
                   items_applied = items_applied + $4, error_count = error_count + $5, finished_at = $6,
                   status = CASE WHEN error_count + $5 = 0 THEN 'succeeded' WHEN inputs_failed + $3 < inputs_seen + 1 THEN 'partial' ELSE 'failed' END,
                   summary = (inputs_seen + 1) || ' pushed inputs (' || (inputs_skipped + $2) || ' unchanged, ' || (inputs_failed + $3) || ' failed), '
                             || (items_applied + $4) || ' items applied, ' || (error_count + $5) || ' errors'
            WHERE id = $1
            """);
        command.Parameters.AddWithValue(runId);
        command.Parameters.AddWithValue(result.Status == BatchStatus.Unchanged ? 1 : 0);
        command.Parameters.AddWithValue(result.Status == BatchStatus.Failed ? 1 : 0);
        command.Parameters.AddWithValue(result.ItemsApplied);
        command.Parameters.AddWithValue(result.Errors.Count);
        // The same clock as the window, so a run never finishes before it started.
        command.Parameters.AddWithValue(clock.GetUtcNow().UtcDateTime);
        batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private DateTimeOffset WindowOf(DateTimeOffset now)
    {
        var minutes = (long)Math.Floor((now - DateTimeOffset.UnixEpoch).TotalMinutes / options.PushWindowMinutes) * options.PushWindowMinutes;
        return DateTimeOffset.UnixEpoch.AddMinutes(minutes);
    }
}
