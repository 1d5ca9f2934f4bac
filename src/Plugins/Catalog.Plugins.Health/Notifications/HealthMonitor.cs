using Catalog.Plugins.Health.Evaluation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Health.Notifications;

/// <summary>Checks health every <see cref="HealthOptions.CheckIntervalSeconds"/>, records transitions and sends webhooks.</summary>
public sealed partial class HealthMonitor(HealthEvaluator evaluator, HealthNotifier notifier, IOptions<HealthOptions> options, TimeProvider clock, ILogger<HealthMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunMonitor) return;
        await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogCheckFailed(logger, error);
            }
            await Task.Delay(TimeSpan.FromSeconds(options.Value.CheckIntervalSeconds), clock, stoppingToken);
        }
    }

    /// <summary>One check: evaluate, record what changed, deliver what is pending. Also used on demand by the API.</summary>
    public async Task<CheckResult> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var health = await evaluator.EvaluateAsync(null, clock.GetUtcNow(), cancellationToken);
        var transitions = await notifier.RecordTransitionsAsync(health, clock.GetUtcNow(), cancellationToken);
        var delivered = await notifier.DeliverPendingAsync(cancellationToken);
        return new CheckResult(health.Sum(h => h.Problems.Count), transitions.Queued, delivered, transitions.Baseline);
    }

    /// <param name="Baseline">True for the first check on a catalog: its problems were recorded, not notified.</param>
    public sealed record CheckResult(int Problems, int NotificationsQueued, int NotificationsDelivered, bool Baseline);

    [LoggerMessage(LogLevel.Error, "Health check failed; retrying at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);
}
