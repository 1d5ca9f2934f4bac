namespace Catalog.Plugins.Harvesting;

/// <summary>How far a run is: inputs done of total (total null while still counting), and what it is on now.</summary>
public sealed record HarvestProgress(int Done, int? Total, string? Current = null);
