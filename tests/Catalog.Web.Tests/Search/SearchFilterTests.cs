using Catalog.Plugins.Search.Engine;

namespace Catalog.Web.Tests.Search;

/// <summary>field:value filters, negation, facets and their counts.</summary>
public sealed class SearchFilterTests(SearchCatalogFixture catalog) : IClassFixture<SearchCatalogFixture>
{
    [Fact]
    public async Task Owner_filter_is_exact()
    {
        var results = await catalog.SearchAsync("ledger owner:team-a");

        var hit = Assert.Single(results.Hits);
        Assert.Equal("dataset:warehouse:ledger.entries", hit.Ref);
    }

    [Fact]
    public async Task Owner_filter_accepts_the_full_group_ref()
    {
        var results = await catalog.SearchAsync("owner:group:default:team-ab");

        Assert.Equal(["dataset:warehouse:ledger.entries_archive"], results.Hits.Select(h => h.Ref));
    }

    [Fact]
    public async Task Tag_filter_is_exact()
    {
        var results = await catalog.SearchAsync("tag:finance");

        Assert.Equal(["dataset:warehouse:ledger.entries"], results.Hits.Select(h => h.Ref));
    }

    [Fact]
    public async Task Column_filter_finds_only_datasets_with_that_column()
    {
        var results = await catalog.SearchAsync("column:order_day_of_week");

        Assert.Equal(["dataset:food_delivery:public.popular_orders_day_of_week"], results.Hits.Select(h => h.Ref));
    }

    [Fact]
    public async Task Negated_word_and_negated_filter_exclude()
    {
        var withJobs = await catalog.SearchAsync("orders", limit: 100);
        var withoutEtl = await catalog.SearchAsync("orders -etl", limit: 100);
        var withoutJobs = await catalog.SearchAsync("orders -kind:job", limit: 100);

        Assert.Contains(withJobs.Hits, h => h.Name.StartsWith("etl_", StringComparison.Ordinal));
        Assert.DoesNotContain(withoutEtl.Hits, h => h.Name.Contains("etl", StringComparison.Ordinal));
        Assert.DoesNotContain(withoutJobs.Hits, h => h.Kind == "job");
        Assert.Contains(withoutJobs.Hits, h => h.Ref == "dataset:food_delivery:public.orders");
    }

    [Fact]
    public async Task Filters_on_the_same_field_are_alternatives()
    {
        var results = await catalog.SearchAsync("daily tag:sales tag:billing", limit: 100);

        Assert.Equal(12, results.Hits.Count);
        Assert.All(results.Hits, h => Assert.True(h.Tags.Contains("sales") || h.Tags.Contains("billing")));
    }

    [Fact]
    public async Task Facet_counts_equal_the_results_they_select()
    {
        var results = await catalog.SearchAsync("orders");

        foreach (var group in results.Facets.Where(g => g.Field is "kind" or "platform" or "namespace"))
            foreach (var value in group.Values)
            {
                var narrowed = await catalog.SearchAsync("orders", limit: 100, facets: $"{group.Field}:{value.Value}");
                Assert.Equal(value.Count, narrowed.Total);
                Assert.Equal(value.Count, narrowed.Hits.Count);
            }
        Assert.Equal(results.Total, results.Facets.Single(f => f.Field == "kind").Values.Sum(v => v.Count));
    }

    [Fact]
    public async Task Facet_counts_stay_correct_under_a_selected_filter()
    {
        var results = await catalog.SearchAsync("daily", limit: 100, facets: "platform:bigquery");

        var kinds = results.Facets.Single(f => f.Field == "kind").Values;
        Assert.Equal(results.Hits.Count, kinds.Sum(k => k.Count));
        var owners = results.Facets.Single(f => f.Field == "owner").Values;
        Assert.Equal(6, owners.Single(o => o.Value == "group:default:sales").Count);
    }

    [Fact]
    public async Task Cursor_pages_through_every_result_once()
    {
        var all = await catalog.SearchAsync("daily", limit: 100);
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await catalog.Engine.SearchAsync(SearchRequest.Parse("daily") with { Limit = 7, Cursor = cursor },
                SearchCatalogFixture.Outsider, CancellationToken.None);
            seen.AddRange(page.Hits.Select(h => h.Ref));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(all.Hits.Select(h => h.Ref), seen);
        Assert.Equal(30, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_cursor_from_another_query_is_refused()
    {
        var first = await catalog.SearchAsync("daily", limit: 5);

        var error = await Assert.ThrowsAsync<Catalog.Plugins.Search.Postgres.InvalidCursorException>(() =>
            catalog.Engine.SearchAsync(SearchRequest.Parse("orders") with { Cursor = first.NextCursor }, SearchCatalogFixture.Outsider, CancellationToken.None));
        Assert.Contains("different query", error.Message);
    }
}
