namespace Catalog.Storage.Entities;

/// <summary>A row of <c>entities</c>. EF types are storage shapes: APIs return DTOs, never these.</summary>
public sealed class EntityRecord
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string Name { get; set; } = "";
    public string Ref { get; private set; } = "";
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? OwnerRef { get; set; }
    public string? Platform { get; set; }
    public string? Location { get; set; }
    public string Classification { get; set; } = "internal";
    public string Lifecycle { get; set; } = "active";
    public string Visibility { get; set; } = "everyone";
    public string[] Tags { get; set; } = [];
    public string Facets { get; set; } = "{}";
    public string? SourceLocation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public int Version { get; set; }
}
