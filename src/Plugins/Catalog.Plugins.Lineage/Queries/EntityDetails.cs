namespace Catalog.Plugins.Lineage.Queries;

/// <summary>What lineage shows about an entity, loaded for the few nodes a query returns.</summary>
public sealed record EntityDetails(
    long Id, string Kind, string Namespace, string Name, string Ref, string? Title, string? Description,
    string? Owner, string? Platform, string? Location, string Lifecycle, string Classification,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Visible)
{
    public IReadOnlyList<FieldDetails> Fields { get; init; } = [];
}

public sealed record FieldDetails(string Name, string? DataType, string? Description);
