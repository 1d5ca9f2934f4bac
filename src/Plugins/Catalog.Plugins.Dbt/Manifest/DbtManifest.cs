namespace Catalog.Plugins.Dbt.Manifest;

/// <summary>What the catalog needs from a manifest.json of any schema version (v1–v12), independent of the JSON.</summary>
public sealed class DbtManifest
{
    public required string Project { get; init; }
    public string? Adapter { get; init; }
    public string? SchemaVersion { get; init; }
    public string? DbtVersion { get; init; }
    public DateTimeOffset? GeneratedAt { get; init; }
    public Dictionary<string, DbtNode> Nodes { get; } = new(StringComparer.Ordinal);
    public List<DbtTest> Tests { get; } = [];
    public List<DbtExposure> Exposures { get; } = [];
    public List<DbtProblem> Problems { get; } = [];
}
