namespace Catalog.Domain.Datasets;

/// <summary>
/// One partition of a dataset: an hour or a day of data (or the whole table when unpartitioned).
/// <see cref="Key"/> is canonical: <c>2026-11-21T13</c> for hourly, <c>2026-11-21</c> for daily.
/// </summary>
public sealed record Partition
{
    public required string Key { get; init; }
    public PartitionGranularity Granularity { get; init; }
    public long? RowCount { get; init; }
    public long? Bytes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The run that wrote it, when known (run-level lineage).</summary>
    public Guid? ProducedByRun { get; init; }

    public static string KeyFor(DateTimeOffset start, PartitionGranularity granularity) => granularity switch
    {
        PartitionGranularity.Hourly => start.UtcDateTime.ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture),
        PartitionGranularity.Daily => start.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => "all",
    };
}
