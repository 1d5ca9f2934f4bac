namespace Catalog.Plugins.Lineage;

/// <summary>Where lineage traversals read the graph from.</summary>
public enum LineageEngine
{
    /// <summary>The in-memory snapshot once it has loaded; recursive SQL until then and for graphs over <see cref="LineageOptions.MaxSnapshotEdges"/>.</summary>
    Auto,
    /// <summary>Always the snapshot: the first query waits for it to load.</summary>
    Snapshot,
    /// <summary>Always recursive CTEs in PostgreSQL; nothing held in memory.</summary>
    Sql,
}

/// <summary>Settings of the lineage plugin, bound from <c>Plugins:lineage</c>. Every default is documented in the plugin README.</summary>
public sealed class LineageOptions
{
    public LineageEngine Engine { get; set; } = LineageEngine.Auto;

    /// <summary>How often the snapshot asks PostgreSQL for changed edges.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the snapshot is rebuilt from scratch (a safety net; deltas are exact).</summary>
    public TimeSpan FullReloadInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Above this many live edges the snapshot is not built and traversals use SQL.</summary>
    public long MaxSnapshotEdges { get; set; } = 50_000_000;

    /// <summary>More changed rows than this in one refresh triggers a full reload instead of a delta.</summary>
    public int MaxDeltaRows { get; set; } = 200_000;

    /// <summary>Depth used when a request gives none (Marquez defaults to 20, which is what overwhelms users).</summary>
    public int DefaultDepth { get; set; } = 2;

    public int MaxDepth { get; set; } = 20;

    /// <summary>Most nodes one lineage response carries; the response says when it was cut.</summary>
    public int MaxNodes { get; set; } = 2_000;

    /// <summary>Most endpoints an impact report lists.</summary>
    public int MaxImpactEndpoints { get; set; } = 100_000;

    /// <summary>Most nodes the SQL engine pulls into memory for one query before it stops and says the result was cut.</summary>
    public int MaxSqlRegionNodes { get; set; } = 200_000;

    /// <summary>In the graph view, more neighbours than this on one side of a node are drawn as one expandable group.</summary>
    public int FanOutGroupThreshold { get; set; } = 8;

    /// <summary>Rows of each server-rendered lineage table (upstream, downstream) before "show all"; the nearest first.</summary>
    public int TableRows { get; set; } = 200;

    /// <summary>Most inputs, and most outputs, listed in one job node's data; its upstream/downstream counts are always exact.</summary>
    public int MaxJobDatasetsListed { get; set; } = 1_000;

    /// <summary>Messages for invalid settings; empty when all is well.</summary>
    public IEnumerable<string> Validate()
    {
        if (RefreshInterval <= TimeSpan.Zero) yield return "Plugins:lineage:RefreshInterval must be positive, e.g. 00:00:02.";
        if (FullReloadInterval < RefreshInterval) yield return "Plugins:lineage:FullReloadInterval must be at least RefreshInterval.";
        if (DefaultDepth < 0 || DefaultDepth > MaxDepth) yield return $"Plugins:lineage:DefaultDepth must be between 0 and MaxDepth ({MaxDepth}).";
        if (MaxDepth is < 1 or > 1000) yield return "Plugins:lineage:MaxDepth must be between 1 and 1000.";
        if (MaxNodes < 1) yield return "Plugins:lineage:MaxNodes must be at least 1.";
        if (MaxImpactEndpoints < 1) yield return "Plugins:lineage:MaxImpactEndpoints must be at least 1.";
        if (MaxSqlRegionNodes < 1) yield return "Plugins:lineage:MaxSqlRegionNodes must be at least 1.";
        if (FanOutGroupThreshold < 2) yield return "Plugins:lineage:FanOutGroupThreshold must be at least 2.";
        if (TableRows < 1) yield return "Plugins:lineage:TableRows must be at least 1.";
        if (MaxJobDatasetsListed < 1) yield return "Plugins:lineage:MaxJobDatasetsListed must be at least 1.";
    }
}
