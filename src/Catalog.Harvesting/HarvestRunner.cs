using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Logging;

namespace Catalog.Harvesting;

/// <summary>
/// Runs a harvester by kind over a target: starts a run, lets the harvester report to it, and always finishes the
/// run, even when the harvester crashes (which is recorded as an error, not thrown).
/// </summary>
public sealed class HarvestRunner(IEnumerable<IHarvester> harvesters, HarvestEngine engine, ILogger<HarvestRunner> logger)
{
    private readonly Dictionary<string, IHarvester> byKind = harvesters
        .GroupBy(h => Key(h.Kind), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IHarvester> Harvesters => byKind.Values;

    /// <summary>The harvester of a kind, ignoring case and whether words are joined by '-' or '_'
    /// (<c>great-expectations</c>, the plugin's id, finds <c>great_expectations</c>).</summary>
    public IHarvester? Find(string kind) => byKind.GetValueOrDefault(Key(kind));

    private static string Key(string kind) => kind.Replace('-', '_');

    public async Task<HarvestRunSummary> RunAsync(string kind, string target, bool force = false, IProgress<HarvestProgress>? progress = null,
        IReadOnlyDictionary<string, string>? options = null, CancellationToken cancellationToken = default)
    {
        var harvester = Find(kind) ?? throw new ArgumentException(
            $"No harvester of kind '{kind}'. Known kinds: {string.Join(", ", byKind.Values.Select(h => h.Kind).Order())}.", nameof(kind));
        var run = await engine.StartRunAsync(harvester.Kind, target, force, cancellationToken);
        // run.Target is redacted; the harvester alone gets the target as given (it may need the password to connect).
        logger.LogInformation("Harvest run {RunId}: {Kind} over {Target}", run.Id, harvester.Kind, run.Target);
        Exception? crash = null;
        try
        {
            await harvester.HarvestAsync(new HarvestContext(target, run, progress, options), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's text (message, inner exceptions, stack) is logged redacted: a driver's message may quote its connection string.
            logger.LogError("Harvester {Kind} crashed on {Target}: {Exception}", harvester.Kind, run.Target, SecretRedaction.Redact(e.ToString()));
            crash = e;
        }
        var summary = await run.CompleteAsync(crash, CancellationToken.None);
        logger.LogInformation("Harvest run {RunId} {Status}: {Summary}", run.Id, summary.Status, summary.Describe());
        return summary;
    }
}
