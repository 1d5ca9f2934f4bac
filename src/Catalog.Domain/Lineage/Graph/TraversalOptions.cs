namespace Catalog.Domain.Lineage.Graph;

/// <summary>How far and which way to walk, and which nodes to report.</summary>
public sealed record TraversalOptions
{
    public LineageDirection Direction { get; init; } = LineageDirection.Both;

    /// <summary>Hops from the start; 0 reports only the start.</summary>
    public int MaxDepth { get; init; } = 1;

    /// <summary>
    /// Nodes to report (e.g. datasets only). Nodes that fail the filter are still walked through, so a
    /// dataset-only view reaches datasets behind jobs, and edges are drawn through them (see <see cref="TraversalResult.Edges"/>).
    /// </summary>
    public Func<int, bool>? Include { get; init; }

    /// <summary>False skips working out edges between reported nodes (impact analysis only needs the nodes).</summary>
    public bool IncludeEdges { get; init; } = true;

    /// <summary>
    /// Reports the cycles inside the walked region (<see cref="TraversalResult.Cycles"/>), so a caller can say "this
    /// lineage loops" instead of the walk stopping silently where it met itself. Costs one pass over the region.
    /// </summary>
    public bool DetectCycles { get; init; } = true;

    /// <summary>Stops the walk after this many reported nodes and marks the result truncated.</summary>
    public int MaxNodes { get; init; } = int.MaxValue;
}
