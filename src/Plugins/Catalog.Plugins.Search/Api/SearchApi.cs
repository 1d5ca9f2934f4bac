using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Search.Postgres;
using Catalog.Plugins.Search.Query;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Search.Api;

/// <summary>REST: <c>GET /api/search</c> and <c>GET /api/search/suggest</c>.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/search").WithTags("Search").RequireAuthorization(CatalogPolicies.Read);
        group.MapGet("/", SearchAsync)
            .WithName("Search")
            .WithSummary("Search the catalog")
            .WithDescription("Ranked search over names, qualified names, columns, tags, owners, titles and descriptions. " +
                             "q: free text, \"quoted phrases\", field:value filters (kind, owner, tag, platform, namespace, classification, column), " +
                             "-negation, OR. facet: extra field:value filters (repeatable). cursor: from the previous page's nextCursor. " +
                             "Only entities the caller may see are returned.");
        group.MapGet("/suggest", SuggestAsync)
            .WithName("SearchSuggest")
            .WithSummary("Autocomplete entity names")
            .WithDescription("Entities whose name (or a word of it) starts with q, most useful first.");
        return endpoints;
    }

    private static async Task<Results<Ok<SearchResponseDto>, ProblemHttpResult>> SearchAsync(
        HttpContext http, ISearchEngine engine, ICatalogPrincipalAccessor principals,
        string? q, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? facet, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (q is { Length: > QueryParser.MaxLength })
            return TypedResults.Problem($"Query is longer than {QueryParser.MaxLength} characters.", statusCode: StatusCodes.Status400BadRequest, title: "Query too long");
        if (limit is < 1 or > SearchRequest.MaxLimit)
            return TypedResults.Problem($"limit must be between 1 and {SearchRequest.MaxLimit}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid limit");
        var unknown = (facet ?? []).FirstOrDefault(f => FieldFilter.TryParse(f) is null);
        if (unknown is not null)
            return TypedResults.Problem($"facet '{unknown}' is not field:value with a field among {string.Join(", ", SearchFields.Filters)}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid facet");
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var request = SearchRequest.Parse(q, facet) with { Cursor = cursor, Limit = limit ?? SearchRequest.DefaultLimit };
        try
        {
            return TypedResults.Ok(ToDto(await engine.SearchAsync(request, principal, cancellationToken)));
        }
        catch (InvalidCursorException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid cursor");
        }
    }

    private static async Task<Ok<SuggestResponseDto>> SuggestAsync(
        HttpContext http, ISearchEngine engine, ICatalogPrincipalAccessor principals, IOptions<SearchOptions> options,
        string? q, CancellationToken cancellationToken)
    {
        var principal = await principals.GetAsync(http.User, cancellationToken);
        var text = q is null ? "" : q[..Math.Min(q.Length, QueryParser.MaxLength)];
        var suggestions = await engine.SuggestAsync(text, options.Value.Suggestions, principal, cancellationToken);
        return TypedResults.Ok(new SuggestResponseDto(suggestions
            .Select(s => new SuggestionDto(s.Ref, s.Kind, s.Name, s.Title, Catalog.Plugins.Ui.EntityLinks.Href(s.Kind, s.Namespace, s.Name)))
            .ToList()));
    }

    private static SearchResponseDto ToDto(SearchResults results) => new(
        results.Query.ToString(),
        results.Hits.Select(h => new SearchHitDto(h.Ref, h.Kind, h.Namespace, h.Name, h.Title, h.OwnerRef, h.Platform, h.Classification,
            h.Deprecated, h.Tags, h.Score, Catalog.Plugins.Ui.EntityLinks.Href(h.Kind, h.Namespace, h.Name), h.NameHighlight.ToHtml(), h.Snippet.ToHtml(),
            h.MatchedColumns.Select(c => c.ToHtml()).ToList())).ToList(),
        results.Facets.Select(f => new FacetDto(f.Field, f.Values
            .Select(v => new FacetValueDto(v.Value, v.Count, new FieldFilter(f.Field, v.Value, false).ToString())).ToList())).ToList(),
        results.Total,
        results.NextCursor,
        results.Corrections,
        results.TotalIsLowerBound);
}
