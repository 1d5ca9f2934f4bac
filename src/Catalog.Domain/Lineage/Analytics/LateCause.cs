namespace Catalog.Domain.Lineage.Analytics;

/// <summary>What went wrong at one upstream node, as far as lateness goes. Several may hold at once.</summary>
[Flags]
public enum LateCause
{
    None = 0,
    /// <summary>A dataset whose expected partition arrived late or has not arrived.</summary>
    LateInput = 1,
    /// <summary>A job whose latest run started after its nominal time plus the tolerance.</summary>
    StartedLate = 2,
    /// <summary>A job whose latest run is taking, or took, longer than its usual maximum.</summary>
    RanLong = 4,
    /// <summary>A job whose latest finished run failed or was aborted.</summary>
    Failed = 8,
}

/// <summary>What the why-late analysis knows of a node: how long it usually takes (0 for datasets) and what went wrong.</summary>
public readonly record struct NodeTiming(double ExpectedMinutes, LateCause Causes);

/// <summary>A step of the critical path: a node, or the heaviest node of a condensed cycle of <see cref="CycleSize"/> nodes.</summary>
public readonly record struct CriticalStep(int Node, double ExpectedMinutes, LateCause Causes, int CycleSize = 1);

/// <summary>An upstream node with something wrong, at its distance (hops) from the late dataset.</summary>
public readonly record struct UpstreamProblem(int Node, int Depth, LateCause Causes);

/// <summary>
/// Why <see cref="Target"/> is late: every upstream node with a problem (<see cref="Problems"/>, nearest first), the
/// <see cref="CriticalPath"/> (source first, ending at the target: the chain whose expected durations add up
/// to the most, so the one that decides when the target can be ready), and the first late job on it.
/// </summary>
public sealed record LateExplanation(
    int Target,
    IReadOnlyList<UpstreamProblem> Problems,
    IReadOnlyList<CriticalStep> CriticalPath,
    double CriticalMinutes,
    int CondensedCycles,
    bool Truncated)
{
    /// <summary>The most upstream job on the critical path that started late, ran long or failed; else the most upstream step with any problem; null when none.</summary>
    public CriticalStep? FirstLate { get; init; }
}
