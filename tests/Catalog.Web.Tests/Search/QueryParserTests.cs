using Catalog.Plugins.Search.Query;

namespace Catalog.Web.Tests.Search;

public sealed class QueryParserTests
{
    [Fact]
    public void Free_words_phrases_filters_and_negations_are_told_apart()
    {
        var query = QueryParser.Parse("orders \"daily revenue\" owner:data-platform -tag:test -staging");

        Assert.Equal([new QueryTerm("orders", false, false), new QueryTerm("daily revenue", true, false), new QueryTerm("staging", false, true)], query.Terms);
        Assert.Equal([new FieldFilter("owner", "data-platform", false), new FieldFilter("tag", "test", true)], query.Filters);
    }

    [Fact]
    public void Filter_values_may_be_quoted_and_field_names_are_case_insensitive()
    {
        var query = QueryParser.Parse("Owner:\"Data Platform\" column:order_id");

        Assert.Equal([new FieldFilter("owner", "Data Platform", false), new FieldFilter("column", "order_id", false)], query.Filters);
        Assert.Empty(query.Terms);
    }

    [Fact]
    public void Unknown_fields_and_refs_stay_free_text()
    {
        var query = QueryParser.Parse("dataset:food_delivery:public.orders");

        Assert.Equal([new QueryTerm("dataset:food_delivery:public.orders", false, false)], query.Terms);
        Assert.Empty(query.Filters);
    }

    [Fact]
    public void OR_is_accepted_and_a_lone_dash_is_text()
    {
        var query = QueryParser.Parse("orders OR customers - x");

        Assert.Equal(["orders", "customers", "-", "x"], query.Terms.Select(t => t.Text));
        Assert.All(query.Terms, t => Assert.False(t.Negated));
    }

    [Fact]
    public void Unterminated_phrase_runs_to_the_end()
    {
        var query = QueryParser.Parse("\"late arriving");

        Assert.Equal([new QueryTerm("late arriving", true, false)], query.Terms);
    }

    [Fact]
    public void Very_long_queries_are_cut_to_bounds()
    {
        var query = QueryParser.Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i}")));

        Assert.Equal(QueryParser.MaxTerms, query.Terms.Count);
    }

    [Fact]
    public void Normalised_text_parses_back_to_the_same_query()
    {
        var query = QueryParser.Parse("orders \"daily revenue\" -staging owner:\"Data Platform\" -kind:job");

        Assert.Equal(query.ToString(), QueryParser.Parse(query.ToString()).ToString());
    }
}
