using System.Globalization;
using Catalog.Domain.Quality;
using Catalog.Domain.Workflows;

namespace Catalog.Domain.Health;

/// <summary>Turns freshness, runs and quality results into the problems the health page lists.</summary>
public static class HealthRules
{
    /// <summary>
    /// One problem per late endpoint, not one per missing period: an endpoint "turns late" once, and stays late
    /// (the same problem) until every overdue partition has arrived.
    /// </summary>
    public static IEnumerable<HealthProblem> FromFreshness(Freshness freshness)
    {
        var missing = freshness.Missing;
        if (missing.Count == 0) yield break;
        var oldest = missing[0];
        var count = missing.Count == 1 ? "Partition" : $"{missing.Count} partitions overdue; the oldest,";
        yield return new HealthProblem(HealthProblemKind.Late, LateSubject,
            $"{count} {oldest.Period.Key} was due by {Format(oldest.Period.Deadline)} and has not arrived.", oldest.Period.Deadline);
    }

    public const string LateSubject = "freshness";

    /// <param name="runs">The workflow's recent runs, newest first.</param>
    public static IEnumerable<HealthProblem> FromRuns(IReadOnlyList<RunSample> runs, DateTimeOffset now)
    {
        var lastFinished = runs.FirstOrDefault(r => r.State.IsTerminal());
        if (lastFinished is { State: RunState.Failed or RunState.Aborted })
            yield return new HealthProblem(HealthProblemKind.RunFailed, lastFinished.Id.ToString(),
                $"The latest run {(lastFinished.State == RunState.Failed ? "failed" : "was aborted")}" +
                (string.IsNullOrWhiteSpace(lastFinished.ErrorMessage) ? "." : $": {Entities.MetadataLimits.Truncate(lastFinished.ErrorMessage, 300)}"),
                lastFinished.EndedAt ?? lastFinished.StartedAt ?? now);

        foreach (var running in runs.Where(r => r.State == RunState.Running && r.StartedAt is not null))
        {
            var history = CompletedBefore(runs, running.StartedAt!.Value);
            var elapsed = now - running.StartedAt.Value;
            if (RunDurationRules.IsLongerThanUsual(elapsed, history))
                yield return new HealthProblem(HealthProblemKind.RunningLong, running.Id.ToString(),
                    $"Running for {Format(elapsed)}; 95% of recent runs took at most {Format(RunDurationRules.UsualMaximum(history)!.Value)}.",
                    running.StartedAt.Value + RunDurationRules.UsualMaximum(history)!.Value);
        }

        if (runs.FirstOrDefault(r => r.State == RunState.Completed) is { Duration: { } took, StartedAt: { } started } latest
            && runs.First(r => r.State.IsTerminal()) == latest)
        {
            var history = CompletedBefore(runs, started);
            if (RunDurationRules.IsLongerThanUsual(took, history))
                yield return new HealthProblem(HealthProblemKind.RunningLong, latest.Id.ToString(),
                    $"The latest run took {Format(took)}; 95% of the runs before it took at most {Format(RunDurationRules.UsualMaximum(history)!.Value)}.",
                    latest.EndedAt ?? started);
        }
    }

    public static IEnumerable<HealthProblem> FromQuality(IEnumerable<QualitySample> latestResults)
    {
        foreach (var result in latestResults)
        {
            var kind = result.Status switch
            {
                QualityStatus.Failed or QualityStatus.Errored => HealthProblemKind.QualityFailed,
                QualityStatus.Warned => HealthProblemKind.QualityWarned,
                _ => (HealthProblemKind?)null,
            };
            if (kind is null) continue;
            var on = result.Column is null ? "" : $" on column {result.Column}";
            yield return new HealthProblem(kind.Value, $"{result.Framework}:{result.CheckName}",
                $"{result.Framework} check {result.CheckName}{on} {result.Status.ToString().ToLowerInvariant()}" +
                (string.IsNullOrWhiteSpace(result.Message) ? "." : $": {Entities.MetadataLimits.Truncate(result.Message, 300)}"),
                result.ExecutedAt);
        }
    }

    public static HealthSeverity Worst(IEnumerable<HealthProblem> problems) =>
        problems.Select(p => p.Severity).DefaultIfEmpty(HealthSeverity.Healthy).Max();

    private static TimeSpan[] CompletedBefore(IEnumerable<RunSample> runs, DateTimeOffset start) =>
        [.. runs.Where(r => r.State == RunState.Completed && r.StartedAt < start && r.Duration is not null).Select(r => r.Duration!.Value)];

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Format(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h {span.Minutes:00}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m {span.Seconds:00}s" : $"{span.TotalSeconds:0.###}s";
}
