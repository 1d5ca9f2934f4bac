using System.Text.Json;

namespace Catalog.Plugins.Dbt.Artifacts;

public enum DbtArtifactKind
{
    Unknown,
    Manifest,
    RunResults,
    Catalog,
}

public static class DbtArtifactKinds
{
    /// <summary>By file name, as dbt writes them in <c>target/</c> (<c>manifest.json</c>, <c>run_results.json</c>, <c>catalog.json</c>, or prefixed copies).</summary>
    public static DbtArtifactKind FromFileName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (!name.EndsWith(".json", StringComparison.Ordinal)) return DbtArtifactKind.Unknown;
        if (name.Contains("manifest", StringComparison.Ordinal)) return DbtArtifactKind.Manifest;
        if (name.Contains("run_results", StringComparison.Ordinal)) return DbtArtifactKind.RunResults;
        if (name.Contains("catalog", StringComparison.Ordinal)) return DbtArtifactKind.Catalog;
        return DbtArtifactKind.Unknown;
    }

    /// <summary>By <c>metadata.dbt_schema_version</c> (<c>https://schemas.getdbt.com/dbt/manifest/v12.json</c>), when present.</summary>
    public static DbtArtifactKind FromMetadata(JsonElement root)
    {
        var version = root.Object("metadata")?.String("dbt_schema_version") ?? "";
        if (version.Contains("/manifest/", StringComparison.Ordinal)) return DbtArtifactKind.Manifest;
        if (version.Contains("/run-results/", StringComparison.Ordinal)) return DbtArtifactKind.RunResults;
        if (version.Contains("/catalog/", StringComparison.Ordinal)) return DbtArtifactKind.Catalog;
        return DbtArtifactKind.Unknown;
    }
}
