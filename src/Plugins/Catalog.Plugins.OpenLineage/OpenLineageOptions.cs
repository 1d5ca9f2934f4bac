namespace Catalog.Plugins.OpenLineage;

/// <summary>Settings of the OpenLineage plugin, bound from <c>Plugins:openlineage</c>.</summary>
public sealed class OpenLineageOptions
{
    /// <summary>Largest accepted body of <c>POST /api/v1/lineage</c>, in bytes. Default 8 MiB (Spark logical plans are big).</summary>
    public int MaxEventBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How many files the file harvester processes at once. Default 4.</summary>
    public int FileParallelism { get; set; } = 4;

    public IEnumerable<string> Validate()
    {
        if (MaxEventBytes < 1024) yield return $"Plugins:openlineage:MaxEventBytes must be at least 1024 (it is {MaxEventBytes}).";
        if (FileParallelism is < 1 or > 64) yield return $"Plugins:openlineage:FileParallelism must be 1–64 (it is {FileParallelism}).";
    }
}
