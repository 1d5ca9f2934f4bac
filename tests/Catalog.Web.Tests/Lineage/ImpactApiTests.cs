using System.Text.Json;
using static Catalog.Web.Tests.Lineage.ShopLineage;

namespace Catalog.Web.Tests.Lineage;

public sealed class ImpactApiTests(ShopSnapshotFactory factory) : IClassFixture<ShopSnapshotFactory>
{
    private readonly HttpClient viewer = factory.ClientFor("vera", groups: "group:default:analytics");

    [Fact]
    public async Task Impact_lists_every_downstream_dataset_with_depth_and_owners_nearest_first()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/lineage/impact", ("nodeId", RawOrders)));

        var endpoints = body.GetProperty("endpoints").EnumerateArray().Select(e => $"{e.GetProperty("id").GetString()}@{e.GetProperty("depth").GetInt32()}").ToList();
        Assert.Equal([$"{MartOrders}@2", $"{DailyRevenue}@4", "restricted@4", $"{Board}@6"], endpoints);
        Assert.Equal(["group:default:data-eng", "group:default:finance", "group:default:exec"],
            body.GetProperty("ownersToNotify").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(1, body.GetProperty("restricted").GetInt32());
        Assert.DoesNotContain("group:default:audit", body.GetRawText());
    }

    [Fact]
    public async Task An_auditor_sees_the_restricted_dataset_and_its_owner_in_the_impact()
    {
        var auditor = factory.ClientFor("ali", roles: "auditor");

        var body = await Json.GetAsync(auditor, Json.Url("/api/lineage/impact", ("nodeId", RawOrders)));

        Assert.Contains("group:default:audit", body.GetProperty("ownersToNotify").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(0, body.GetProperty("restricted").GetInt32());
    }

    [Fact]
    public async Task Impact_depth_limits_how_far_downstream_it_looks()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/lineage/impact", ("nodeId", RawOrders), ("depth", 2)));

        Assert.Equal([MartOrders], body.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Impact_csv_has_a_header_and_one_row_per_endpoint()
    {
        var response = await viewer.GetAsync(Json.Url("/api/lineage/impact.csv", ("nodeId", RawOrders)));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("impact-dataset_shop_raw.orders.csv", response.Content.Headers.ContentDisposition!.ToString());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("depth,entity,kind,title,owner", lines[0]);
        Assert.Equal($"2,{MartOrders},dataset,,group:default:data-eng", lines[1]);
        Assert.Contains("4,(restricted),restricted,,(hidden)", lines);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Impact_of_an_unknown_node_is_not_found()
    {
        var response = await viewer.GetAsync(Json.Url("/api/lineage/impact", ("nodeId", "dataset:shop:nothing")));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
