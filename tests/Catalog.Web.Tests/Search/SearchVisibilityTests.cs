namespace Catalog.Web.Tests.Search;

/// <summary>Restricted metadata, lifecycle and keeping the index in step with writes to the core tables.</summary>
public sealed class SearchVisibilityTests(SearchCatalogFixture catalog) : IClassFixture<SearchCatalogFixture>
{
    private const string CardTokens = "dataset:warehouse:payments.card_tokens";

    [Fact]
    public async Task Restricted_entity_is_invisible_to_outsiders()
    {
        var results = await catalog.SearchAsync("card_tokens", SearchCatalogFixture.Outsider);
        var facets = await catalog.SearchAsync("tag:pii", SearchCatalogFixture.Outsider);
        var suggestions = await catalog.Engine.SuggestAsync("card", 8, SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.DoesNotContain(results.Hits, h => h.Ref == CardTokens);
        Assert.Equal(0, facets.Total);
        Assert.DoesNotContain(suggestions, s => s.Ref == CardTokens);
    }

    [Fact]
    public async Task Restricted_entity_is_visible_to_its_owners_and_to_auditors()
    {
        Assert.Equal(CardTokens, (await catalog.SearchAsync("card_tokens", SearchCatalogFixture.PaymentsMember)).Hits[0].Ref);
        Assert.Equal(CardTokens, (await catalog.SearchAsync("card_tokens", SearchCatalogFixture.Auditor)).Hits[0].Ref);
    }

    [Fact]
    public async Task A_read_grant_makes_a_restricted_entity_visible()
    {
        var id = await catalog.Catalog.AddAsync("dataset", "warehouse", "payments.settlements", "Settlements.", owner: "group:default:payments", visibility: "restricted");
        Assert.Empty((await catalog.SearchAsync("settlements")).Hits);

        await catalog.Catalog.ExecuteAsync($"INSERT INTO access_grants (entity_id, principal_ref, permission, origin) VALUES ({id}, 'group:default:marketing', 'read', 'portal')");

        Assert.Equal("dataset:warehouse:payments.settlements", (await catalog.SearchAsync("settlements")).Hits[0].Ref);
    }

    [Fact]
    public async Task New_entity_is_found_as_soon_as_its_insert_commits()
    {
        await catalog.Catalog.AddAsync("dataset", "warehouse", "fresh.arrivals_hourly", "Just harvested.");

        Assert.Equal("dataset:warehouse:fresh.arrivals_hourly", (await catalog.SearchAsync("arrivals_hourly")).Hits[0].Ref);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("removed")]
    public async Task Deleted_or_removed_entity_leaves_results_in_the_same_transaction(string lifecycle)
    {
        var name = $"doomed.table_{lifecycle}";
        await catalog.Catalog.AddAsync("dataset", "warehouse", name);
        Assert.NotEmpty((await catalog.SearchAsync(name)).Hits);

        await using var connection = await catalog.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = new Npgsql.NpgsqlCommand($"UPDATE entities SET lifecycle = '{lifecycle}' WHERE name = '{name}'", connection, transaction))
            await update.ExecuteNonQueryAsync();
        await using (var inside = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM search_documents WHERE name = '{name}'", connection, transaction))
            Assert.Equal(0L, await inside.ExecuteScalarAsync());
        await transaction.CommitAsync();

        Assert.DoesNotContain((await catalog.SearchAsync(name, limit: 100)).Hits, h => h.Name == name);
    }

    [Fact]
    public async Task Columns_added_later_become_searchable()
    {
        var id = await catalog.Catalog.AddAsync("dataset", "warehouse", "late.columns");
        await catalog.Catalog.AddFieldsAsync(id, "zebra_stripe_count");

        Assert.Equal("dataset:warehouse:late.columns", (await catalog.SearchAsync("zebra_stripe_count")).Hits[0].Ref);
    }

    [Fact]
    public async Task Metadata_in_snippets_is_encoded_and_only_matches_are_marked()
    {
        var hit = (await catalog.SearchAsync("clickstream events")).Hits[0];
        var html = hit.Snippet.ToHtml();

        Assert.Equal("dataset:warehouse:web.clickstream", hit.Ref);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("<mark>clickstream</mark>", html);
        Assert.Equal(html.Split("<mark>").Length - 1, html.Split("</mark>").Length - 1);
        Assert.DoesNotContain(html.Replace("<mark>", "").Replace("</mark>", ""), c => c is '<' or '>');
    }

    [Fact]
    public async Task Suggestions_complete_names_by_prefix()
    {
        var suggestions = await catalog.Engine.SuggestAsync("restau", 8, SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.Equal("dataset:food_delivery:public.restaurants", suggestions[0].Ref);
    }

    [Fact]
    public async Task Suggestions_complete_a_word_inside_a_name()
    {
        // No name starts with "dail": these come from the words of the names ("sales.orders_daily").
        var suggestions = await catalog.Engine.SuggestAsync("dail", 8, SearchCatalogFixture.Outsider, CancellationToken.None);

        Assert.Equal(8, suggestions.Count);
        Assert.All(suggestions, s => Assert.EndsWith("_daily", s.Name, StringComparison.Ordinal));
    }
}
