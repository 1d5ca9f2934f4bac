namespace Catalog.Domain.Audit;

/// <summary>
/// One append-only audit record: who did what to which target, the state before and after, and why.
/// Records are chained by hash so tampering with one breaks verification of all that follow.
/// </summary>
public sealed record AuditEvent
{
    public long Sequence { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Reason { get; init; }
    public bool Succeeded { get; init; } = true;
}
