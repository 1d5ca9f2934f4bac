using Catalog.Domain.Entities;

namespace Catalog.Domain.Quality;

/// <summary>One outcome of a quality check (dbt test, Great Expectations expectation, OpenLineage assertion).</summary>
public sealed record QualityResult
{
    public required EntityRef Dataset { get; init; }
    public required string CheckName { get; init; }
    public string? Column { get; init; }
    /// <summary>The framework: <c>dbt</c>, <c>great_expectations</c>, <c>openlineage</c>.</summary>
    public required string Framework { get; init; }
    public required QualityStatus Status { get; init; }
    public DateTimeOffset ExecutedAt { get; init; }
    public string? Message { get; init; }
    public Guid? RunId { get; init; }
}
