using Catalog.Domain.Workflows;

namespace Catalog.Domain.Health;

/// <summary>What health needs to know of one run.</summary>
public sealed record RunSample(Guid Id, RunState State, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? ErrorMessage)
{
    public TimeSpan? Duration => StartedAt is { } s && EndedAt is { } e && e >= s ? e - s : null;
}
