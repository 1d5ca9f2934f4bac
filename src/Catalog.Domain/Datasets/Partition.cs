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
    /// <summary>The job that wrote it, when known: the store keys a daily partition in that job's schedule zone.</summary>
    public Entities.EntityRef? ProducedByJob { get; init; }
    /// <summary>When the period the partition holds starts, when the producer knows it (a run's nominal start).</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    /// <summary>
    /// The key of the partition whose period starts at <paramref name="start"/>. Hourly: the UTC hour (unambiguous
    /// across daylight-saving changes, when a local hour repeats). Daily: the calendar date, in the schedule's time
    /// zone <paramref name="zone"/>, on which the period starts; that is what a data owner means by "the 2026-11-21
    /// partition", and health expects exactly these keys (<c>Health.SchedulePeriods</c> calls this method).
    /// </summary>
    public static string KeyFor(DateTimeOffset start, PartitionGranularity granularity, TimeZoneInfo zone) => granularity switch
    {
        PartitionGranularity.Hourly => start.UtcDateTime.ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture),
        PartitionGranularity.Daily => TimeZoneInfo.ConvertTime(start, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => "all",
    };

    /// <summary>
    /// For producers that do not know the schedule's zone (an OpenLineage event carries none): a daily key is the
    /// date on the clock <paramref name="start"/> is written in. A producer that states its local offset
    /// (<c>2026-11-21T00:00+09:00</c>) gets its schedule's local date; one that writes UTC gets the UTC date, which
    /// is the schedule's date only for UTC schedules (and zones west of UTC, whose midnight is on the same UTC day).
    /// </summary>
    public static string KeyFor(DateTimeOffset start, PartitionGranularity granularity) =>
        KeyFor(start, granularity, TimeZoneInfo.CreateCustomTimeZone("offset", start.Offset, "offset", "offset"));
}
