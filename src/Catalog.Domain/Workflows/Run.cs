using Catalog.Domain.Entities;

namespace Catalog.Domain.Workflows;

/// <summary>One execution of a workflow.</summary>
public sealed record Run
{
    public required Guid Id { get; init; }
    public required EntityRef Job { get; init; }
    public RunState State { get; init; }
    public DateTimeOffset? NominalStart { get; init; }
    public DateTimeOffset? NominalEnd { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? ErrorMessage { get; init; }
    public Guid? ParentRunId { get; init; }

    public TimeSpan? Duration => StartedAt is { } s && EndedAt is { } e && e >= s ? e - s : null;
}
