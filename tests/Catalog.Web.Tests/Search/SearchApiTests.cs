using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Catalog.Testing;

namespace Catalog.Web.Tests.Search;

/// <summary>The REST API and the /search page through the real portal (real HTTP, real database).</summary>
public sealed class SearchApiTests(CatalogWebFactory portal) : IClassFixture<CatalogWebFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await portal.AddDatasetAsync("shop", "public.orders", owner: "group:default:team-shop", description: "Every order <script>alert(1)</script> placed in the shop.");
        await portal.AddDatasetAsync("shop", "public.order_items", owner: "group:default:team-shop", description: "Lines of each order.");
        await portal.AddDatasetAsync("shop", "public.refunds", owner: "group:default:team-money", description: "Refunded orders.");
        await portal.AddDatasetAsync("vault", "secrets.order_keys", owner: "group:default:team-vault", visibility: "restricted");
        await portal.AddFieldAsync("shop", "public.orders", "customer_email", "STRING", 0, classification: "pii");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Api_returns_ranked_hits_facets_and_encoded_snippets()
    {
        using var client = portal.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=orders");

        var hits = body.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal("dataset:shop:public.orders", hits[0].GetProperty("ref").GetString());
        Assert.Equal("/entity/dataset/shop/public.orders", hits[0].GetProperty("href").GetString());
        Assert.DoesNotContain("<script", hits[0].GetProperty("snippetHtml").GetString());
        Assert.DoesNotContain(hits, h => h.GetProperty("ref").GetString() == "dataset:vault:secrets.order_keys");
        var owners = body.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "owner");
        Assert.Equal(2, owners.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "group:default:team-shop").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Api_facet_parameter_narrows_and_cursor_pages()
    {
        using var client = portal.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/search?q=order&facet=owner:team-shop&limit=1");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/search?q=order&facet=owner:team-shop&limit=1&cursor={Uri.EscapeDataString(cursor!)}");

        Assert.Equal(2, first.GetProperty("total").GetInt64());
        var refs = new[] { first, second }.Select(p => p.GetProperty("hits")[0].GetProperty("ref").GetString()).ToList();
        Assert.Equal(["dataset:shop:public.orders", "dataset:shop:public.order_items"], refs);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Api_rejects_a_malformed_cursor_and_an_unknown_facet_with_problem_details()
    {
        using var client = portal.CreateClient();

        var cursor = await client.GetAsync("/api/search?q=orders&cursor=not-a-cursor");
        var facet = await client.GetAsync("/api/search?q=orders&facet=colour:red");

        Assert.Equal(HttpStatusCode.BadRequest, cursor.StatusCode);
        Assert.Equal("application/problem+json", cursor.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cursor", await cursor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, facet.StatusCode);
        Assert.Contains("colour:red", await facet.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Suggest_completes_visible_names()
    {
        using var client = portal.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/search/suggest?q=refu");

        Assert.Equal("dataset:shop:public.refunds", body.GetProperty("suggestions")[0].GetProperty("ref").GetString());
    }

    [Fact]
    public async Task Api_is_described_in_the_OpenAPI_document()
    {
        using var client = portal.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/search\"", document);
        Assert.Contains("\"/api/search/suggest\"", document);
        Assert.Contains("SearchResponseDto", document);
    }

    [Fact]
    public async Task Search_page_works_without_javascript_and_facet_links_narrow()
    {
        using var client = portal.CreateClient();
        var parser = new HtmlParser();

        var page = parser.ParseDocument(await client.GetStringAsync("/search?q=orders"));
        var moneyLink = page.QuerySelector("[data-facet='owner'] a[data-facet-value='group:default:team-money']")!;
        var narrowed = parser.ParseDocument(await client.GetStringAsync(moneyLink.GetAttribute("href")!));

        Assert.Equal("orders", page.QuerySelector("input#search-q")!.GetAttribute("value"));
        Assert.Equal("/entity/dataset/shop/public.orders", page.QuerySelector("[data-testid=search-results] li a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("[data-testid=search-results] mark"));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal));
        Assert.Equal(["dataset:shop:public.refunds"], narrowed.QuerySelectorAll("[data-testid=search-results] li").Select(li => li.GetAttribute("data-ref")));
        Assert.Equal("owner:group:default:team-money", narrowed.QuerySelector("form[role=search] input[name=facet]")!.GetAttribute("value"));
    }
}
