namespace Catalog.Domain.Health;

/// <summary>
/// One current problem of one entity. <see cref="Subject"/> tells problems of the same kind apart
/// (the missing period's key, the failed run's id, the check's name) so notifications fire once per problem.
/// </summary>
public sealed record HealthProblem(HealthProblemKind Kind, string Subject, string Summary, DateTimeOffset Since)
{
    public HealthSeverity Severity => Kind is HealthProblemKind.RunningLong or HealthProblemKind.QualityWarned
        ? HealthSeverity.Warning
        : HealthSeverity.Failing;
}
