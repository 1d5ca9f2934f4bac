namespace Catalog.Storage.Entities;

public sealed class AccessGrantRecord
{
    public long Id { get; set; }
    public long EntityId { get; set; }
    public string PrincipalRef { get; set; } = "";
    public string Permission { get; set; } = "read";
    public string Origin { get; set; } = "portal";
    public string? GrantedBy { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
