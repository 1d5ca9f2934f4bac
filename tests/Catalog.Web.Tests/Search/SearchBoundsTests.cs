using Catalog.Plugins.Search;
using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Search.Postgres;
using Microsoft.Extensions.Options;

namespace Catalog.Web.Tests.Search;

/// <summary>
/// The bounds that keep common words cheap (MaxCounted, MaxCandidates) must stay honest: a capped total says
/// "at least", an uncapped one is exact, and small candidate sets still page through every result.
/// </summary>
public sealed class SearchBoundsTests(SearchCatalogFixture catalog) : IClassFixture<SearchCatalogFixture>
{
    private PostgresSearchEngine EngineWith(int maxCounted = 1000, int maxCandidates = 200) =>
        new(catalog.DataSource, Options.Create(new SearchOptions { MaxCounted = maxCounted, MaxCandidates = maxCandidates }),
            new SearchDocumentWriter(catalog.DataSource, []));

    [Fact]
    public async Task A_total_beyond_the_counting_cap_is_reported_as_a_lower_bound()
    {
        var results = await EngineWith(maxCounted: 10).SearchAsync(SearchRequest.Parse("daily"), SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.True(results.TotalIsLowerBound);
        Assert.Equal(10, results.Total);
        Assert.Equal(10, results.Facets.Single(f => f.Field == "kind").Values.Sum(v => v.Count));
    }

    [Fact]
    public async Task A_total_below_the_counting_cap_is_exact()
    {
        var results = await EngineWith().SearchAsync(SearchRequest.Parse("daily") with { Limit = 100 }, SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.False(results.TotalIsLowerBound);
        Assert.Equal(30, results.Total);
        Assert.Equal(30, results.Hits.Count);
    }

    [Fact]
    public async Task Deeper_pages_widen_a_small_candidate_set_so_every_result_is_reached_once()
    {
        var engine = EngineWith(maxCandidates: 20);
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await engine.SearchAsync(SearchRequest.Parse("daily") with { Limit = 7, Cursor = cursor }, SearchCatalogFixture.Outsider, CancellationToken.None);
            seen.AddRange(page.Hits.Select(h => h.Ref));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(30, seen.Count);
        Assert.Equal(30, seen.Distinct().Count());
    }
}
