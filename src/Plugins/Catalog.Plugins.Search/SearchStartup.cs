using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Search.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Search;

/// <summary>
/// At start-up: says whether the engine is supported, claims document-source kinds; then drains the outbox of
/// plugin-contributed documents while the portal runs.
/// </summary>
public sealed class SearchStartup(ISearchEngine engine, SearchDocumentSources sources, SearchEngineStatus status,
    IOptions<SearchOptions> options, ILogger<SearchStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var support = await engine.CheckSupportAsync(stoppingToken);
        status.Support = support;
        if (!support.IsSupported)
        {
            logger.LogError("Search engine {Engine} is not supported here: {Detail}", engine.Name, support.Detail);
            return;
        }
        logger.LogInformation("Search engine: {Engine} ({Detail})", engine.Name, support.Detail);
        await sources.ClaimKindsAsync(stoppingToken);
        if (!sources.Any) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.OutboxPollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await sources.DrainOnceAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The batch stays queued (its transaction rolled back); try again on the next tick.
                logger.LogError(e, "A search document source failed; its entities stay queued");
            }
        }
    }
}

/// <summary>What the start-up check found; null until it has run.</summary>
public sealed class SearchEngineStatus
{
    public SearchSupport? Support { get; set; }
}
