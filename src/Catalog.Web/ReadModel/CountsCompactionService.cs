using Npgsql;

namespace Catalog.Web.ReadModel;

/// <summary>
/// Folds the delta rows of the counts tables (migration 0050) once they pass a threshold, so the home page's sums
/// stay a few rows long. Off the request path: a page view never writes (the portal's reads can go to a replica),
/// and among several portals the function's advisory lock lets one fold at a time. A failed pass (database down)
/// is logged and retried on the next tick; reads stay correct without compaction, only longer.
/// </summary>
public sealed class CountsCompactionService(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<CountsCompactionService> logger) : BackgroundService
{
    /// <summary>Delta rows the counts tables may hold before they are folded.</summary>
    public const int Threshold = 1000;

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                // Run hours are kept relative to the portal's clock, the one the home page counts from.
                await using var command = dataSource.CreateCommand("SELECT catalog_counts_compact(@min_rows, @at)");
                command.Parameters.AddWithValue("min_rows", Threshold);
                command.Parameters.AddWithValue("at", clock.GetUtcNow());
                await command.ExecuteScalarAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Folding the catalog counts failed; retrying in {Interval}", Interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
