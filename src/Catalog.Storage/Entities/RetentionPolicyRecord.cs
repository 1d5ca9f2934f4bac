namespace Catalog.Storage.Entities;

public sealed class RetentionPolicyRecord
{
    public long Id { get; set; }
    public string Scope { get; set; } = "entity";
    public long? EntityId { get; set; }
    public string? Namespace { get; set; }
    public string? Classification { get; set; }
    public string Mode { get; set; } = "keep_days";
    public int? Value { get; set; }
    public int? MaxDays { get; set; }
    public string? Justification { get; set; }
    public string Origin { get; set; } = "portal";
    public string? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
