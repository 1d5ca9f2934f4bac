using Catalog.Domain.Workflows;

namespace Catalog.Domain.Health;

/// <summary>What health needs to know of one run.</summary>
public sealed record RunSample(Guid Id, RunState State, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? ErrorMessage)
{
    /// <summary>The start of the period the run was for (OpenLineage nominalTime), when known.</summary>
    public DateTimeOffset? NominalStart { get; init; }

    public TimeSpan? Duration => StartedAt is { } s && EndedAt is { } e && e >= s ? e - s : null;
}
