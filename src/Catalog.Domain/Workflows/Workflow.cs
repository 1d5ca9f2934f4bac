using Catalog.Domain.Entities;

namespace Catalog.Domain.Workflows;

/// <summary>A scheduled pipeline (an OpenLineage job, a dbt model's build, an Airflow task).</summary>
public sealed record Workflow
{
    public required CatalogEntity Entity { get; init; }
    public Schedule Schedule { get; init; } = Schedule.Unscheduled;
    /// <summary>e.g. BATCH/STREAMING plus the integration (<c>AIRFLOW</c>, <c>DBT</c>, <c>SPARK</c>).</summary>
    public string? JobType { get; init; }
    public string? Sql { get; init; }
    public string? SourceCodeUrl { get; init; }
}
