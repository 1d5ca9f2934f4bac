using Catalog.Testing;

namespace Catalog.Web.Tests.Search;

public sealed class SearchPagePlaceholderTests(CatalogWebFactory factory) : IClassFixture<CatalogWebFactory>
{
    [Fact]
    public async Task The_search_box_placeholder_shows_its_example_phrase_in_plain_quotes_not_as_an_entity()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/search");

        // The attribute's value as the browser displays it, after HTML decoding.
        Assert.Equal("orders, owner:data-platform tag:pii, \"daily revenue\" -test", page.QuerySelector("#search-q")?.GetAttribute("placeholder"));
    }
}
