using BenchmarkDotNet.Attributes;
using Catalog.Domain.Cost;
using Catalog.Domain.Datasets;
using Catalog.Domain.Health;
using Catalog.Domain.Policies;
using Catalog.Domain.Workflows;

namespace Catalog.Benchmarks.CostHealth;

/// <summary>
/// The per-endpoint work of the health monitor and the retention what-if: one hourly endpoint with 30 days of
/// partitions judged over a 48-hour window (in a DST zone), and a 365-partition what-if. The monitor does this once
/// per scheduled endpoint per check, so this times how many endpoints a check can judge per second.
/// </summary>
[MemoryDiagnoser]
public class HealthAndCostRuleBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly Schedule hourly = new() { Kind = ScheduleKind.Hourly, TimeZone = "Europe/Stockholm", Deadline = TimeSpan.FromMinutes(30) };
    private Arrival[] arrivals = [];
    private PartitionSize[] partitions = [];

    [GlobalSetup]
    public void Setup()
    {
        arrivals = [.. Enumerable.Range(2, 30 * 24).Select(h => Now.AddHours(-h)).Select(t => new Arrival(Partition.KeyFor(t, PartitionGranularity.Hourly), t.AddMinutes(70)))];
        partitions = [.. Enumerable.Range(1, 365).Select(d => Now.AddDays(-d)).Select(t => new PartitionSize(Partition.KeyFor(t, PartitionGranularity.Daily), PartitionGranularity.Daily, 1L << 30, t.AddDays(1)))];
    }

    [Benchmark]
    public Freshness HourlyFreshnessOf30DaysIn48HourWindow() => FreshnessRules.Evaluate(hourly, arrivals, Now, TimeSpan.FromHours(48));

    [Benchmark]
    public RetentionSaving RetentionWhatIfOver365Partitions() =>
        RetentionWhatIf.Compare(partitions, RetentionPolicy.Days(365), RetentionPolicy.Days(30), new StoragePrice("gcs", null, 0.02m), Now);
}
