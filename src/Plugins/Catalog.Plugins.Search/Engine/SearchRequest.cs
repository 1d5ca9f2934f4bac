using Catalog.Plugins.Search.Query;

namespace Catalog.Plugins.Search.Engine;

/// <summary>A query (as typed, parsed), facet selections (extra filters), and the page wanted.</summary>
public sealed record SearchRequest(SearchQuery Query)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Opaque cursor from the previous page's <see cref="SearchResults.NextCursor"/>; null for the first page.</summary>
    public string? Cursor { get; init; }
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Facet counts cost a pass over every match; pages after the first do not need them.</summary>
    public bool IncludeFacets { get; init; } = true;

    /// <summary>Parses the search box and adds facet selections (<c>kind:dataset</c>) as filters.</summary>
    public static SearchRequest Parse(string? query, IEnumerable<string>? facets = null) =>
        new(QueryParser.Parse(query).WithFilters((facets ?? []).Select(FieldFilter.TryParse).OfType<FieldFilter>()));
}
