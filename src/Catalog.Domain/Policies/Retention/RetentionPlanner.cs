namespace Catalog.Domain.Policies.Retention;

/// <summary>Computes a <see cref="RetentionPlan"/>: shown to owners before they save a policy, so nobody deletes blind.</summary>
public static class RetentionPlanner
{
    public static RetentionPlan Plan(RetentionPolicy policy, IEnumerable<PartitionFacts> partitions, DateTimeOffset now)
    {
        var newestFirst = partitions.OrderByDescending(p => p.End).ThenByDescending(p => p.Key, StringComparer.Ordinal).ToList();
        switch (policy.Mode)
        {
            case RetentionMode.KeepDays when policy.Value is { } days:
                // A partition expires once all of the data it holds is older than the window.
                var cutoff = now.AddDays(-days);
                return Split(newestFirst, p => p.End <= cutoff);
            case RetentionMode.KeepLatest when policy.Value is { } count:
                return new RetentionPlan(newestFirst.Skip(count).ToList(), newestFirst.Take(count).ToList());
            default:
                return new RetentionPlan([], newestFirst);
        }
    }

    private static RetentionPlan Split(List<PartitionFacts> partitions, Func<PartitionFacts, bool> expires) =>
        new(partitions.Where(expires).ToList(), partitions.Where(p => !expires(p)).ToList());
}
