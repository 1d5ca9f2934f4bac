using Catalog.Plugins.Search;
using Catalog.Plugins.Search.Engine;
using Catalog.Plugins.Search.Postgres;
using Catalog.Plugins.Search.Query;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Web.Tests.Search;

/// <summary>
/// Once ANALYZE has run, the engine picks each candidate branch's plan from the planner's statistics (word
/// frequencies, filter selectivity). The estimates must follow the data, and the results must not depend on
/// which plan was picked.
/// </summary>
public sealed class SearchStatisticsTests : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private TestCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync("search_statistics"));
        catalog = new TestCatalog(dataSource);
        // 400 datasets: a quarter on postgres, the rest on bigquery; every fourth tagged "finance"; "orders" in a
        // third of the descriptions, so the common word and the filters overlap unevenly.
        for (var i = 0; i < 400; i++)
            await catalog.AddAsync("dataset", $"area{i % 8}", $"table_{i:D3}",
                i % 3 == 0 ? $"Orders of area {i % 8}, day {i}." : $"Sessions of area {i % 8}, day {i}.",
                owner: $"group:default:team-{i % 5}", platform: i % 4 == 0 ? "postgres" : "bigquery",
                tags: i % 4 == 1 ? ["finance"] : []);
    }

    [Fact]
    public async Task Filter_selectivity_follows_the_statistics_and_is_a_guess_without_them()
    {
        var query = SearchRequest.Parse("platform:postgres").Query;
        await using (var connection = await dataSource.OpenConnectionAsync())
            Assert.Equal(FilterSelectivity.Unknown, await FilterSelectivity.FindAsync(connection, query, CancellationToken.None));

        await catalog.ExecuteAsync("ANALYZE search_documents");

        await using var analysed = await dataSource.OpenConnectionAsync();
        Assert.Equal(0.25, await FilterSelectivity.FindAsync(analysed, query, CancellationToken.None), 2);
        Assert.Equal(0.75, await FilterSelectivity.FindAsync(analysed, SearchRequest.Parse("platform:bigquery").Query, CancellationToken.None), 2);
        Assert.Equal(0.25 * 0.25, await FilterSelectivity.FindAsync(analysed, SearchRequest.Parse("platform:postgres tag:finance").Query, CancellationToken.None), 2);
        // Either of two values: their shares add up.
        Assert.Equal(1.0, await FilterSelectivity.FindAsync(analysed, SearchRequest.Parse("platform:postgres platform:bigquery").Query, CancellationToken.None), 2);
        // A value the statistics never saw is rare, not a quarter of the catalog.
        Assert.True(await FilterSelectivity.FindAsync(analysed, SearchRequest.Parse("platform:oracle").Query, CancellationToken.None) < 0.01);
        // Negations keep most rows and do not narrow the estimate.
        Assert.Equal(1.0, await FilterSelectivity.FindAsync(analysed, SearchRequest.Parse("orders -platform:postgres").Query, CancellationToken.None));
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("orders platform:postgres")]
    [InlineData("sessions tag:finance owner:team-2")]
    [InlineData("area -platform:bigquery")]
    [InlineData("table_01")]
    public async Task Results_are_the_same_whichever_plan_the_statistics_pick(string text)
    {
        var engine = new PostgresSearchEngine(dataSource, Options.Create(new SearchOptions { MaxCandidates = 1000 }), new SearchDocumentWriter(dataSource, []));
        var request = SearchRequest.Parse(text) with { Limit = 100 };

        var before = await engine.SearchAsync(request, SearchCatalogFixture.Outsider, CancellationToken.None);
        await catalog.ExecuteAsync("ANALYZE search_documents");
        var after = await engine.SearchAsync(request, SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.NotEmpty(before.Hits);
        Assert.Equal(before.Hits.Select(h => h.Ref).Order(), after.Hits.Select(h => h.Ref).Order());
        Assert.Equal(before.Total, after.Total);
    }

    [Theory]
    [InlineData("table_0")]
    [InlineData("ta")]
    public async Task Suggestions_are_the_same_whichever_plan_the_statistics_pick(string prefix)
    {
        var engine = new PostgresSearchEngine(dataSource, Options.Create(new SearchOptions()), new SearchDocumentWriter(dataSource, []));

        var before = await engine.SuggestAsync(prefix, 20, SearchCatalogFixture.Outsider, CancellationToken.None);
        await catalog.ExecuteAsync("ANALYZE search_documents");
        var after = await engine.SuggestAsync(prefix, 20, SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.Equal(20, before.Count);
        Assert.Equal(before.Select(s => s.Ref), after.Select(s => s.Ref));
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();
}
