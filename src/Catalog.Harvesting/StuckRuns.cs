using System.Diagnostics;
using Npgsql;

namespace Catalog.Harvesting;

/// <summary>
/// Runs left 'running' by a process that died (killed, host lost) would show as running forever. A run is abandoned
/// when its heartbeat is older than <see cref="HarvestingOptions.AbandonAfterMinutes"/>, or at once when it ran on
/// this host under a process id that no longer exists. Its pending raw inputs are marked failed, so
/// <c>catalog-indexer replay --failed</c> picks them up. Checked when an engine starts its first run and by
/// <c>catalog-indexer status</c>.
/// </summary>
public sealed class StuckRuns(NpgsqlDataSource dataSource, HarvestingOptions options)
{
    /// <summary>Marks stuck runs abandoned and returns their ids.</summary>
    public async Task<IReadOnlyList<Guid>> AbandonAsync(CancellationToken cancellationToken)
    {
        var stuck = new List<Guid>();
        await using (var find = dataSource.CreateCommand("""
            SELECT id, host, pid, COALESCE(heartbeat_at, started_at) < now() - make_interval(mins => $1) AS silent
            FROM harvest_runs WHERE status = 'running' AND push_window IS NULL
            """))
        {
            find.Parameters.AddWithValue(options.AbandonAfterMinutes);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sameHost = !reader.IsDBNull(1) && reader.GetString(1) == Environment.MachineName;
                var pid = reader.IsDBNull(2) ? (int?)null : reader.GetInt32(2);
                if (reader.GetBoolean(3) || (sameHost && pid is { } p && !IsAlive(p))) stuck.Add(reader.GetGuid(0));
            }
        }
        if (stuck.Count == 0) return stuck;
        await using var mark = dataSource.CreateCommand("""
            UPDATE harvest_runs SET status = 'abandoned', finished_at = COALESCE(heartbeat_at, started_at),
                   summary = 'abandoned: the process running it (' || COALESCE(host, '?') || ' pid ' || COALESCE(pid::text, '?') ||
                             ') stopped without finishing it; counts are not known. Pending inputs were marked failed for replay.'
            WHERE id = ANY(@ids) AND status = 'running';
            UPDATE raw_inputs SET status = 'failed', error = 'the run that received this input was abandoned before it was processed'
            WHERE run_id = ANY(@ids) AND status = 'pending';
            """);
        mark.Parameters.AddWithValue("ids", stuck.ToArray());
        await mark.ExecuteNonQueryAsync(cancellationToken);
        return stuck;
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
