using Catalog.Plugins.Search.Query;

namespace Catalog.Plugins.Search.Engine;

/// <summary>One page of results. <see cref="Total"/> and <see cref="Facets"/> are computed on the first page only.</summary>
public sealed record SearchResults(
    SearchQuery Query,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetGroup> Facets,
    long? Total,
    string? NextCursor)
{
    /// <summary>Query words that were not found as such and were matched through similar words (typo tolerance).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Corrections { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// True when more matches exist than were counted (<see cref="SearchOptions.MaxCounted"/>):
    /// <see cref="Total"/> and facet counts then cover the first counted matches only ("at least").
    /// </summary>
    public bool TotalIsLowerBound { get; init; }
}

public sealed record SearchHit
{
    public required long EntityId { get; init; }
    public required string Ref { get; init; }
    public required string Kind { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? OwnerRef { get; init; }
    public string? Platform { get; init; }
    public required string Classification { get; init; }
    public bool Deprecated { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public double Score { get; init; }
    /// <summary>The name with matched words marked.</summary>
    public required Highlight NameHighlight { get; init; }
    /// <summary>A fragment of the description (or title) with matched words marked; empty when there is none.</summary>
    public required Highlight Snippet { get; init; }
    /// <summary>Columns whose names match the query, with the match marked.</summary>
    public IReadOnlyList<Highlight> MatchedColumns { get; init; } = [];

    /// <summary>The owner's short name: <c>group:default:data-platform</c> → <c>data-platform</c>.</summary>
    public string? OwnerName => OwnerRef is null ? null : OwnerRef[(OwnerRef.LastIndexOf(':') + 1)..];
}

/// <summary>Counts of one facet's values among all matches (with every selected filter applied).</summary>
public sealed record FacetGroup(string Field, IReadOnlyList<FacetValue> Values);

public sealed record FacetValue(string Value, long Count);

/// <summary>An autocomplete suggestion.</summary>
public sealed record SearchSuggestion(long EntityId, string Ref, string Kind, string Namespace, string Name, string? Title);
