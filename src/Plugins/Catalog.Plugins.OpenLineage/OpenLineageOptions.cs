namespace Catalog.Plugins.OpenLineage;

/// <summary>Settings of the OpenLineage plugin, bound from <c>Plugins:openlineage</c>.</summary>
public sealed class OpenLineageOptions
{
    /// <summary>Largest accepted body of <c>POST /api/v1/lineage</c>, in bytes. Default 8 MiB (Spark logical plans are big).</summary>
    public int MaxEventBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Most events one <c>POST /api/v1/lineage</c> may carry (a JSON array or NDJSON). Default 1000. A request over it is
    /// a 413 before anything is stored; send the rest in further requests.
    /// </summary>
    public int MaxEventsPerRequest { get; set; } = 1000;

    /// <summary>
    /// Longest one ingest request may hold the server, in seconds. Default 30. The request's events are applied in one
    /// transaction: when the time runs out it is rolled back (nothing of that request is applied), the raw input is kept
    /// as interrupted for replay, and the answer is a 413 naming the limit.
    /// </summary>
    public double MaxProcessingSeconds { get; set; } = 30;

    /// <summary>How many files the file harvester processes at once. Default 4.</summary>
    public int FileParallelism { get; set; } = 4;

    public IEnumerable<string> Validate()
    {
        if (MaxEventBytes < 1024) yield return $"Plugins:openlineage:MaxEventBytes must be at least 1024 (it is {MaxEventBytes}).";
        if (MaxEventsPerRequest < 1) yield return $"Plugins:openlineage:MaxEventsPerRequest must be at least 1 (it is {MaxEventsPerRequest}).";
        if (MaxProcessingSeconds < 0) yield return $"Plugins:openlineage:MaxProcessingSeconds must not be negative (it is {MaxProcessingSeconds}).";
        if (FileParallelism is < 1 or > 64) yield return $"Plugins:openlineage:FileParallelism must be 1–64 (it is {FileParallelism}).";
    }
}
