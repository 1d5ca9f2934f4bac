namespace Catalog.Plugins.Search;

/// <summary>Configuration of the search plugin, bound from <c>Plugins:search</c>. Defaults are documented in README.md.</summary>
public sealed class SearchOptions
{
    public const string PluginId = "search";

    /// <summary>Hits per page on the search page (the API takes <c>limit</c>, at most 100).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Values shown per facet (the most frequent first).</summary>
    public int FacetValues { get; set; } = 12;

    /// <summary>Suggestions returned by autocomplete.</summary>
    public int Suggestions { get; set; } = 8;

    /// <summary>
    /// Per matching strategy (exact name, name prefix, all words, name words, any word, name substrings), at most
    /// this many candidates are scored for the first page (deeper pages add the hits already shown). Bounds the
    /// cost of very common words: among more matches than this, the best-scored of the candidates are shown.
    /// </summary>
    public int MaxCandidates { get; set; } = 100;

    /// <summary>
    /// At most this many matches are counted for the total and facets; beyond it they are "at least". Counting costs
    /// in proportion: at a million documents a common word's 1,000 matches took the faceted P95 to 56 ms, 500 to 43 ms.
    /// </summary>
    public int MaxCounted { get; set; } = 500;

    /// <summary>
    /// Most hits that may come before a page: a cursor carries how many hits came before it, and each page's scan
    /// widens by that many, so the depth is bounded (beyond it no next cursor is given; refine the query). Default 5000.
    /// </summary>
    public int MaxCursorDepth { get; set; } = 5000;

    /// <summary>How often documents queued for plugin document sources are fetched (seconds).</summary>
    public double OutboxPollSeconds { get; set; } = 2;

    public IEnumerable<string> Validate()
    {
        if (PageSize is < 1 or > 100) yield return $"Plugins:search:PageSize must be between 1 and 100 (is {PageSize}).";
        if (FacetValues is < 1 or > 100) yield return $"Plugins:search:FacetValues must be between 1 and 100 (is {FacetValues}).";
        if (Suggestions is < 1 or > 20) yield return $"Plugins:search:Suggestions must be between 1 and 20 (is {Suggestions}).";
        if (MaxCandidates is < 20 or > 1_000_000) yield return $"Plugins:search:MaxCandidates must be between 20 and 1000000 (is {MaxCandidates}).";
        if (MaxCounted is < 10 or > 10_000_000) yield return $"Plugins:search:MaxCounted must be between 10 and 10000000 (is {MaxCounted}).";
        if (MaxCursorDepth is < 1 or > 1_000_000) yield return $"Plugins:search:MaxCursorDepth must be between 1 and 1000000 (is {MaxCursorDepth}).";
        if (OutboxPollSeconds is < 0.1 or > 3600) yield return $"Plugins:search:OutboxPollSeconds must be between 0.1 and 3600 (is {OutboxPollSeconds}).";
    }
}
