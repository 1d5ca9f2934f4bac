namespace Catalog.Storage.Entities;

public sealed class AuditEventRecord
{
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public bool Succeeded { get; set; }
    public byte[]? PrevHash { get; set; }
    public byte[]? Hash { get; set; }
}
