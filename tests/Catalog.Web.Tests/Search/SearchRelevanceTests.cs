namespace Catalog.Web.Tests.Search;

/// <summary>Ranking on a realistic catalog: the real Marquez food_delivery seed plus generated look-alikes.</summary>
public sealed class SearchRelevanceTests(SearchCatalogFixture catalog) : IClassFixture<SearchCatalogFixture>
{
    [Fact]
    public async Task Exact_name_ranks_first_among_names_that_contain_it()
    {
        var results = await catalog.SearchAsync("orders");

        Assert.Equal("dataset:food_delivery:public.orders", results.Hits[0].Ref);
        // The other seed entities whose names contain the word are still found, below it.
        var refs = results.Hits.Select(h => h.Ref).ToList();
        Assert.Contains("dataset:food_delivery:public.orders_7_days", refs);
        Assert.Contains("job:food_delivery:etl_orders", refs);
    }

    [Fact]
    public async Task Fully_qualified_name_ranks_first()
    {
        var results = await catalog.SearchAsync("food_delivery.public.delivery_7_days");

        Assert.Equal("dataset:food_delivery:public.delivery_7_days", results.Hits[0].Ref);
    }

    [Fact]
    public async Task Exact_job_name_ranks_above_datasets_that_share_its_words()
    {
        var results = await catalog.SearchAsync("etl_orders_7_days");

        Assert.Equal("job:food_delivery:etl_orders_7_days", results.Hits[0].Ref);
    }

    [Theory]
    [InlineData("resturants", "dataset:food_delivery:public.restaurants")]
    [InlineData("custmers", "dataset:food_delivery:public.customers")]
    [InlineData("discunts", "dataset:food_delivery:public.discounts")]
    public async Task One_edit_typo_still_finds_the_dataset(string typo, string expected)
    {
        var results = await catalog.SearchAsync(typo);

        Assert.Contains(expected, results.Hits.Take(3).Select(h => h.Ref));
        Assert.NotEmpty(results.Corrections);
    }

    [Theory]
    [InlineData("restaur", "dataset:food_delivery:public.restaurants")]
    [InlineData("taurant", "dataset:food_delivery:public.restaurants")]
    [InlineData("menu_it", "dataset:food_delivery:public.menu_items")]
    public async Task Partial_word_finds_the_dataset(string partial, string expected)
    {
        var results = await catalog.SearchAsync(partial);

        // The job etl_restaurants contains the same fragment, so either may come first; both beat everything else.
        Assert.Contains(expected, results.Hits.Take(2).Select(h => h.Ref));
    }

    [Fact]
    public async Task Documents_matching_more_words_rank_higher_and_partial_matches_still_appear()
    {
        // The dataset matches all three words (placed is its column orders_placed); the job orders_popular_day_of_week two.
        var results = await catalog.SearchAsync("popular orders placed");

        Assert.Equal("dataset:food_delivery:public.popular_orders_day_of_week", results.Hits[0].Ref);
        Assert.Equal("job:food_delivery:orders_popular_day_of_week", results.Hits[1].Ref);
        // Not a strict AND: a dataset matching only "orders" is still a result.
        Assert.Contains("dataset:food_delivery:public.orders", results.Hits.Select(h => h.Ref));
    }

    [Fact]
    public async Task Column_names_are_searchable_and_marked_in_the_result()
    {
        var results = await catalog.SearchAsync("order_placed_on");

        var hit = results.Hits[0];
        Assert.Equal("dataset:food_delivery:public.popular_orders_day_of_week", hit.Ref);
        Assert.Contains(hit.MatchedColumns, c => c.Text == "order_placed_on" && c.Segments.Any(s => s.IsMatch));
    }

    [Fact]
    public async Task Downstream_consumers_lift_an_otherwise_equal_dataset()
    {
        var results = await catalog.SearchAsync("bookings revenue");

        Assert.Equal(["dataset:warehouse:revenue.bookings_eu", "dataset:warehouse:revenue.bookings_us"],
            results.Hits.Where(h => h.Kind == "dataset").Take(2).Select(h => h.Ref));
    }

    [Fact]
    public async Task Deprecated_dataset_ranks_below_its_active_twin()
    {
        var results = await catalog.SearchAsync("crm accounts");

        Assert.Equal("dataset:warehouse:crm.accounts_v2", results.Hits[0].Ref);
        var deprecated = Assert.Single(results.Hits, h => h.Ref == "dataset:warehouse:crm.accounts_v1");
        Assert.True(deprecated.Deprecated);
    }

    [Fact]
    public async Task Accents_are_ignored_in_queries_and_names()
    {
        Assert.Equal("dataset:warehouse:café_sales", (await catalog.SearchAsync("cafe")).Hits[0].Ref);
        Assert.Equal("dataset:warehouse:café_sales", (await catalog.SearchAsync("CAFÉ")).Hits[0].Ref);
    }

    [Fact]
    public async Task Quoted_phrase_matches_words_in_order()
    {
        var results = await catalog.SearchAsync("\"ledger entries\"");

        Assert.Contains("dataset:warehouse:ledger.entries", results.Hits.Select(h => h.Ref));
        Assert.DoesNotContain(results.Hits, h => h.Ref.Contains("food_delivery", StringComparison.Ordinal));
    }
}
