namespace Catalog.Plugins.Search;

/// <summary>
/// What the search engine indexes for one entity, in weight order: name ≫ columns/tags/owner ≫ description.
/// Facet values are exact-match filters.
/// </summary>
public sealed record SearchDocument
{
    public required long EntityId { get; init; }
    public required string Ref { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public string? QualifiedName { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Owner { get; init; }
    public string? Platform { get; init; }
    public string? Namespace { get; init; }
    public string? Classification { get; init; }
    public bool Deprecated { get; init; }
    /// <summary>Usefulness signals used for ranking: downstream consumers, runs per week, hours since last partition.</summary>
    public double Popularity { get; init; }
}
