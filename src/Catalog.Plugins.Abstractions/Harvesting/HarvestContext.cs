namespace Catalog.Plugins.Harvesting;

/// <summary>One harvest run's inputs: where to read from, where to report, how to show progress.</summary>
public sealed class HarvestContext(string target, IHarvestSink sink, IProgress<HarvestProgress>? progress = null, IReadOnlyDictionary<string, string>? options = null)
{
    /// <summary>
    /// A path (file or directory), a connection string or a URL, as the harvester documents — as given, password
    /// included. Never put it in a location, an error or a log line unredacted (<see cref="SecretRedaction"/>); the
    /// engine redacts what reaches it, but a harvester's own output is its own.
    /// </summary>
    public string Target { get; } = target;

    public IHarvestSink Sink { get; } = sink;

    public IProgress<HarvestProgress> Progress { get; } = progress ?? new Progress<HarvestProgress>();

    public IReadOnlyDictionary<string, string> Options { get; } = options ?? new Dictionary<string, string>();
}
