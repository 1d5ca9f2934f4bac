using System.Globalization;
using Catalog.Domain.Datasets;

namespace Catalog.Domain.Cost;

/// <summary>What retention and storage cost need to know about one stored partition.</summary>
public sealed record PartitionSize(string Key, PartitionGranularity Granularity, long Bytes, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// When the partition's data starts: parsed from a canonical key (<c>2026-11-21T13</c>, <c>2026-11-21</c>),
    /// or the time it was written when the key names no period (an unpartitioned table's <c>all</c>).
    /// </summary>
    public DateTimeOffset PeriodStart =>
        DateTimeOffset.TryParseExact(Key, ["yyyy-MM-dd'T'HH", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            ? start
            : CreatedAt;
}
