namespace Catalog.Plugins.Governance.Audit;

/// <summary>
/// An audit event to write. <see cref="Before"/> and <see cref="After"/> are any serialisable object (stored as jsonb);
/// <see cref="Actor"/> is an entity ref, or <c>anonymous</c>, or <c>token:{id}</c>-style machine identities.
/// </summary>
public sealed record AuditRecord(string Actor, string Action, string? Target)
{
    public object? Before { get; init; }
    public object? After { get; init; }
    public string? Reason { get; init; }
    public bool Succeeded { get; init; } = true;
}
