namespace Catalog.Plugins.Search.Api;

/// <summary>One page of search results.</summary>
/// <param name="Query">The query as understood (normalised): terms, phrases, filters.</param>
/// <param name="Total">Number of matches; present on the first page only.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null on the last page.</param>
/// <param name="Corrections">Query words matched through similar known words (typo tolerance).</param>
/// <param name="TotalIsLowerBound">A very common word capped the candidates: Total and facet counts are "at least".</param>
public sealed record SearchResponseDto(
    string Query,
    IReadOnlyList<SearchHitDto> Hits,
    IReadOnlyList<FacetDto> Facets,
    long? Total,
    string? NextCursor,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Corrections,
    bool TotalIsLowerBound);

/// <param name="Href">Portal page of the entity.</param>
/// <param name="NameHtml">The name, HTML-encoded, matches inside &lt;mark&gt;.</param>
/// <param name="SnippetHtml">A description fragment, HTML-encoded, matches inside &lt;mark&gt;.</param>
public sealed record SearchHitDto(
    string Ref,
    string Kind,
    string Namespace,
    string Name,
    string? Title,
    string? Owner,
    string? Platform,
    string Classification,
    bool Deprecated,
    IReadOnlyList<string> Tags,
    double Score,
    string Href,
    string NameHtml,
    string SnippetHtml,
    IReadOnlyList<string> MatchedColumnsHtml);

public sealed record FacetDto(string Field, IReadOnlyList<FacetValueDto> Values);

/// <param name="Filter">The <c>facet</c> parameter value that selects this value.</param>
public sealed record FacetValueDto(string Value, long Count, string Filter);

public sealed record SuggestResponseDto(IReadOnlyList<SuggestionDto> Suggestions);

public sealed record SuggestionDto(string Ref, string Kind, string Name, string? Title, string Href);
