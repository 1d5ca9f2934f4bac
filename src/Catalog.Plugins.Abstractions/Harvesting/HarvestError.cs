namespace Catalog.Plugins.Harvesting;

/// <summary>
/// A precise, user-facing problem: which input, where in it (line, JSON path, field), and what was expected.
/// Example: <c>events/bad.json</c>, <c>line 3</c>, <c>run.runId: expected a UUID or a string, got a number</c>.
/// </summary>
public sealed record HarvestError(string Location, string Reason)
{
    public string? Position { get; init; }

    public override string ToString() => Position is null ? $"{Location}: {Reason}" : $"{Location} ({Position}): {Reason}";
}
