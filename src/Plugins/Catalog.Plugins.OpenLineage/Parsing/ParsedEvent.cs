using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>
/// One event read into catalog items. <see cref="Usable"/> is false when the event is rejected as a whole (no job
/// name, no runId, not an event at all); otherwise <see cref="Problems"/> lists parts that were skipped.
/// </summary>
public sealed record ParsedEvent(bool Usable, IReadOnlyList<HarvestItem> Items, IReadOnlyList<(string Path, string Message)> Problems)
{
    public string Describe() => string.Join("; ", Problems.Select(p => $"{p.Path}: {p.Message}"));
}
