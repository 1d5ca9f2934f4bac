namespace Catalog.Domain.Health;

/// <summary>
/// "Longer than usual" means longer than the 95th percentile (nearest rank) of the workflow's recent completed
/// runs. Fewer than <see cref="MinimumHistory"/> runs say nothing about usual, so no judgement is made.
/// </summary>
public static class RunDurationRules
{
    public const int MinimumHistory = 5;

    /// <summary>Nearest-rank percentile: the smallest duration with at least <paramref name="fraction"/> of runs at or below it.</summary>
    public static TimeSpan? Percentile(IReadOnlyCollection<TimeSpan> durations, double fraction)
    {
        if (durations.Count == 0) return null;
        var sorted = durations.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>The usual upper bound of a run's duration, or null when the history is too short.</summary>
    public static TimeSpan? UsualMaximum(IReadOnlyCollection<TimeSpan> recentCompleted) =>
        recentCompleted.Count < MinimumHistory ? null : Percentile(recentCompleted, 0.95);

    public static bool IsLongerThanUsual(TimeSpan elapsed, IReadOnlyCollection<TimeSpan> recentCompleted) =>
        UsualMaximum(recentCompleted) is { } usual && elapsed > usual;
}
