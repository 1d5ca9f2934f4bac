using AngleSharp.Html.Parser;
using static Catalog.Web.Tests.Lineage.ShopLineage;

namespace Catalog.Web.Tests.Lineage;

/// <summary>The server-rendered pages, read as HTML: what someone without JavaScript gets.</summary>
public sealed class LineagePagesTests(ShopSqlFactory factory) : IClassFixture<ShopSqlFactory>
{
    private readonly HttpClient viewer = factory.ClientFor("vera");

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string url)
    {
        var response = await viewer.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
        return new HtmlParser().ParseDocument(html);
    }

    [Fact]
    public async Task Lineage_tab_lists_upstream_and_downstream_with_depth_without_javascript()
    {
        var page = await PageAsync("/entity/dataset/shop/mart.orders/lineage?depth=2");

        var tables = page.QuerySelectorAll("table.lineage-table");
        Assert.Equal(2, tables.Length);
        var upstream = tables[0].QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-node-id") + "@" + r.Children[0].TextContent).ToList();
        Assert.Equal(new[] { $"{EtlOrders}@1", $"{RawCustomers}@2", $"{RawOrders}@2" }.Order(), upstream.Order());
        var downstream = tables[1].QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-node-id")).ToList();
        Assert.Contains(DailyRevenue, downstream);
        Assert.Contains("restricted:1", downstream);
        Assert.DoesNotContain("secret.ledger", page.Body!.InnerHtml);
        Assert.NotNull(page.QuerySelector("[data-lineage-root][data-node-id='dataset:shop:mart.orders']"));
        Assert.Equal("2", page.QuerySelector("#lineage-depth option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_hubs_lineage_tab_lists_its_nearest_readers_and_links_to_all_of_them()
    {
        const string Hub = "dataset:hub:listening.plays";
        await factory.Data.EntityAsync(Hub);
        for (var i = 0; i < 205; i++)
            await factory.Data.JobAsync($"job:hub:reader_{i:D3}", [Hub], []);

        var page = await PageAsync("/entity/dataset/hub/listening.plays/lineage?depth=1");

        var downstream = page.QuerySelectorAll("table.lineage-table")[1];
        Assert.Equal(200, downstream.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("(205)", downstream.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        var more = page.QuerySelector("[data-testid=lineage-table-more] a")!;
        Assert.Equal("Show all 205", more.TextContent);

        var all = await PageAsync("/entity/dataset/hub/listening.plays/lineage" + more.GetAttribute("href")!.Split('#')[0]);

        Assert.Equal(205, all.QuerySelectorAll("table.lineage-table")[1].QuerySelectorAll("tbody tr").Length);
        Assert.Null(all.QuerySelector("[data-testid=lineage-table-more]"));
    }

    [Fact]
    public async Task Impact_page_groups_downstream_datasets_by_owner_and_links_the_csv()
    {
        var page = await PageAsync("/lineage/impact?nodeId=" + Uri.EscapeDataString(RawOrders));

        Assert.Equal("4", page.QuerySelector("[data-impact-total]")!.TextContent.Trim());
        var owners = page.QuerySelectorAll("[data-impact-owners] li strong").Select(e => e.TextContent).ToList();
        Assert.Equal(["group:default:data-eng", "group:default:finance", "group:default:exec"], owners);
        Assert.NotNull(page.QuerySelector("table[data-impact-group='restricted']"));
        Assert.Equal("/api/lineage/impact.csv?nodeId=dataset%3Ashop%3Araw.orders", page.QuerySelector("a[download]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Impact_page_without_a_choice_shows_the_form_with_lineage_entities_to_pick()
    {
        var page = await PageAsync("/lineage/impact");

        Assert.NotNull(page.QuerySelector("form input[name=nodeId]"));
        var options = page.QuerySelectorAll("#impact-entities option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(RawOrders, options);
        Assert.DoesNotContain(Ledger, options);
    }
}
