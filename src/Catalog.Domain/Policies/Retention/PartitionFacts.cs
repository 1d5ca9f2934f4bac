using System.Globalization;
using Catalog.Domain.Datasets;

namespace Catalog.Domain.Policies.Retention;

/// <summary>What the retention plan needs to know about one partition: its key, the time span it holds, its size.</summary>
public sealed record PartitionFacts(string Key, DateTimeOffset Start, DateTimeOffset End, long? Bytes)
{
    /// <summary>
    /// The time span of a partition: parsed from its canonical key (<c>2026-11-21</c>, <c>2026-11-21T13</c>) when the
    /// dataset is partitioned in time, otherwise the moment it was written.
    /// </summary>
    public static PartitionFacts From(string key, PartitionGranularity granularity, DateTimeOffset createdAt, long? bytes)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (granularity == PartitionGranularity.Daily && DateTime.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day))
            return new(key, new DateTimeOffset(day, TimeSpan.Zero), new DateTimeOffset(day.AddDays(1), TimeSpan.Zero), bytes);
        if (granularity == PartitionGranularity.Hourly && DateTime.TryParseExact(key, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, styles, out var hour))
            return new(key, new DateTimeOffset(hour, TimeSpan.Zero), new DateTimeOffset(hour.AddHours(1), TimeSpan.Zero), bytes);
        return new(key, createdAt, createdAt, bytes);
    }
}
