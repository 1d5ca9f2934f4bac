using Catalog.Domain.Datasets;
using Catalog.Domain.Policies.Retention;

namespace Catalog.Domain.Policies.Rules;

/// <summary>
/// A classification may cap retention (e.g. PII at most 30 days). Keep-days must not exceed the cap, keep-forever
/// is not allowed under a cap, and keep-latest must not cover more days than the cap given the partition size.
/// </summary>
public sealed class ClassificationMaximumRule : IRetentionRule
{
    public IEnumerable<PolicyViolation> Check(RetentionPolicy candidate, RetentionContext context)
    {
        if (context.ClassificationMaxDays is not { } max) yield break;
        var label = context.Classification.ToWire();
        switch (candidate.Mode)
        {
            case RetentionMode.KeepDays when candidate.Value > max:
                yield return new("value", $"Data classified {label} may be kept at most {max} days; {candidate.Value} days were asked for.");
                break;
            case RetentionMode.KeepForever:
                yield return new("mode", $"Data classified {label} may be kept at most {max} days; it cannot be kept forever.");
                break;
            case RetentionMode.KeepLatest when candidate.Value is { } count && DaysCovered(count, context.Granularity) is { } days && days > max:
                yield return new("value", $"Data classified {label} may be kept at most {max} days; the latest {count} {context.Granularity.ToString().ToLowerInvariant()} partitions cover {days:0.#} days.");
                break;
        }
    }

    private static double? DaysCovered(int partitions, PartitionGranularity granularity) => granularity switch
    {
        PartitionGranularity.Daily => partitions,
        PartitionGranularity.Hourly => partitions / 24.0,
        _ => null,
    };
}
