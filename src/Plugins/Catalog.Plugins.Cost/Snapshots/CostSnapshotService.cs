using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Cost.Snapshots;

/// <summary>
/// Keeps the daily snapshots current: at start-up it fills the days of the back-fill window that have none (from
/// the partitions and runs already in the catalog); then, once a day at <see cref="CostOptions.SnapshotAtUtc"/>,
/// it re-snapshots the last three days, so runs that finished after a day's first snapshot are counted.
/// </summary>
public sealed partial class CostSnapshotService(CostSnapshotter snapshotter, IOptions<CostOptions> options, TimeProvider clock, ILogger<CostSnapshotService> logger)
    : BackgroundService
{
    private const int DaysRetaken = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunSnapshots) return;
        // Let the host finish starting (and migrate) before touching the database.
        await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogSnapshotFailed(logger, error);
            }
            await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
        }
    }

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var missing = await snapshotter.MissingDaysAsync(today.AddDays(-options.Value.BackfillDays), today.AddDays(-DaysRetaken), cancellationToken);
        foreach (var day in missing) await snapshotter.SnapshotAsync(day, cancellationToken);
        for (var day = today.AddDays(-DaysRetaken + 1); day <= today; day = day.AddDays(1))
            await snapshotter.SnapshotAsync(day, cancellationToken);
        LogSnapshotTaken(logger, missing.Count, today);
    }

    internal TimeSpan UntilNextRun(DateTimeOffset now)
    {
        var next = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(options.Value.SnapshotAtUtc), TimeSpan.Zero);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }

    [LoggerMessage(LogLevel.Information, "Cost snapshots taken up to {Today} ({Backfilled} missing days back-filled)")]
    private static partial void LogSnapshotTaken(ILogger logger, int backfilled, DateOnly today);

    [LoggerMessage(LogLevel.Error, "Cost snapshot failed; the next attempt is at the next scheduled time")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception error);
}
