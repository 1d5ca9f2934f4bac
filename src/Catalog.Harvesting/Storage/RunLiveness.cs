using Npgsql;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// Tells live harvest runs from dead ones across processes and hosts. A run holds a session advisory lock keyed by
/// its id on a connection of its own for as long as it runs; PostgreSQL releases the lock when that connection
/// closes, including when the process is killed. A 'running' row whose lock can be taken therefore belongs to a
/// process that is gone: the next run marks it abandoned, and its unprocessed raw inputs failed (so they can be
/// replayed). Applied inputs were each committed in their own transaction, so nothing half-applied remains.
/// </summary>
internal static class RunLiveness
{
    private const string Key = "hashtextextended('harvest-run:' || @id::text, 0)";

    /// <summary>Takes the run's lock on a dedicated connection; dispose the returned handle when the run finishes.</summary>
    public static async Task<IAsyncDisposable> HoldAsync(NpgsqlDataSource dataSource, Guid runId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new Hold(connection, runId);
    }

    /// <summary>Marks runs whose process is gone as abandoned; returns how many.</summary>
    public static async Task<int> AbandonDeadRunsAsync(NpgsqlDataSource dataSource, Guid foundBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH dead AS (
                SELECT id FROM harvest_runs
                WHERE status = 'running' AND pg_try_advisory_xact_lock(hashtextextended('harvest-run:' || id::text, 0))
            ), abandoned AS (
                UPDATE harvest_runs r SET status = 'abandoned', finished_at = now(),
                       summary = 'The process running this harvest stopped before finishing (found by run ' || @found_by || '). '
                              || 'Inputs it committed are complete; the rest are processed by the next run.'
                FROM dead WHERE r.id = dead.id
                RETURNING r.id
            ), inputs AS (
                UPDATE raw_inputs SET status = 'failed', error = 'the harvest run stopped (process ended) before this input was processed'
                WHERE status = 'pending' AND run_id IN (SELECT id FROM abandoned)
            )
            SELECT count(*) FROM abandoned
            """);
        command.Parameters.AddWithValue("found_by", foundBy.ToString());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Hold(NpgsqlConnection connection, Guid runId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Unlock explicitly: a pooled connection keeps session locks until its next reset.
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", connection);
                command.Parameters.AddWithValue("id", runId);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is already gone, and with it the lock.
            }
            await connection.DisposeAsync();
        }
    }
}
