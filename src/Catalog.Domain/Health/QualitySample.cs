using Catalog.Domain.Quality;

namespace Catalog.Domain.Health;

/// <summary>The latest result of one check on a dataset.</summary>
public sealed record QualitySample(string CheckName, string Framework, string? Column, QualityStatus Status, DateTimeOffset ExecutedAt, string? Message);
