namespace Catalog.Domain.Health;

public enum HealthProblemKind
{
    /// <summary>An expected partition is missing past its deadline.</summary>
    Late,
    /// <summary>The workflow's latest finished run failed or was aborted.</summary>
    RunFailed,
    /// <summary>A run is taking (or took) longer than the p95 of recent runs.</summary>
    RunningLong,
    /// <summary>The latest result of a quality check failed or errored.</summary>
    QualityFailed,
    /// <summary>The latest result of a quality check warned.</summary>
    QualityWarned,
}

public enum HealthSeverity
{
    Healthy,
    Warning,
    Failing,
}
