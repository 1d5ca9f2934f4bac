using Catalog.Domain.Datasets;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Lineage.Runs;

/// <summary>Rules for which version of an input a run read.</summary>
public static class InputVersions
{
    /// <summary>
    /// The moment the run looked at its inputs: when it started, else its nominal start (scheduled runs
    /// reported late), else when the partition it produced appeared.
    /// </summary>
    public static DateTimeOffset AsOf(Run? run, Partition produced) =>
        run?.StartedAt ?? run?.NominalStart ?? produced.CreatedAt;

    /// <summary>The newest partition that existed at <paramref name="asOf"/>; null when none did.</summary>
    public static Partition? LatestAt(IEnumerable<Partition> partitions, DateTimeOffset asOf) =>
        partitions.Where(p => p.CreatedAt <= asOf)
            .OrderByDescending(p => p.CreatedAt)
            .ThenByDescending(p => p.Key, StringComparer.Ordinal)
            .FirstOrDefault();
}
