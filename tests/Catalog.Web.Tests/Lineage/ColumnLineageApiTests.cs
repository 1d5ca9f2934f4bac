using System.Text.Json;
using static Catalog.Web.Tests.Lineage.ShopLineage;

namespace Catalog.Web.Tests.Lineage;

public sealed class ColumnLineageApiTests(ShopSnapshotFactory factory) : IClassFixture<ShopSnapshotFactory>
{
    private readonly HttpClient viewer = factory.ClientFor("vera");

    private Task<JsonElement> ColumnsAsync(string nodeId, int depth, bool withDownstream = false, HttpClient? client = null) =>
        Json.GetAsync(client ?? viewer, Json.Url("/api/v1/column-lineage", ("nodeId", nodeId), ("depth", depth), ("withDownstream", withDownstream)));

    [Fact]
    public async Task Column_lineage_of_a_field_names_its_source_columns_and_how_they_were_transformed()
    {
        var nodes = Json.Nodes(await ColumnsAsync("datasetField:shop:mart.daily_revenue:revenue", 5));

        Assert.Equal(new[] { "datasetField:shop:mart.daily_revenue:revenue", "datasetField:shop:mart.orders:amount", "datasetField:shop:raw.orders:amount_cents" }.Order(), nodes.Keys.Order());
        var revenue = nodes["datasetField:shop:mart.daily_revenue:revenue"];
        Assert.Equal("DATASET_FIELD", revenue.GetProperty("type").GetString());
        var input = Assert.Single(revenue.GetProperty("data").GetProperty("inputFields").EnumerateArray());
        Assert.Equal("mart.orders", input.GetProperty("dataset").GetString());
        Assert.Equal("amount", input.GetProperty("field").GetString());
        Assert.Equal("DIRECT", input.GetProperty("transformationType").GetString());
        Assert.Equal("AGGREGATION", input.GetProperty("transformationSubtype").GetString());
        Assert.Equal("numeric", revenue.GetProperty("data").GetProperty("fieldType").GetString());
    }

    [Fact]
    public async Task Column_lineage_depth_one_stops_at_the_direct_inputs()
    {
        var nodes = Json.Nodes(await ColumnsAsync("datasetField:shop:mart.daily_revenue:revenue", 1));

        Assert.Equal(2, nodes.Count);
        Assert.DoesNotContain("datasetField:shop:raw.orders:amount_cents", nodes.Keys);
    }

    [Fact]
    public async Task Downstream_columns_are_included_only_when_asked_and_hidden_datasets_stay_opaque()
    {
        var upstreamOnly = Json.Nodes(await ColumnsAsync("datasetField:shop:mart.orders:amount", 3));
        var both = await ColumnsAsync("datasetField:shop:mart.orders:amount", 3, withDownstream: true);
        var nodes = Json.Nodes(both);

        Assert.DoesNotContain("datasetField:shop:mart.daily_revenue:revenue", upstreamOnly.Keys);
        Assert.Contains("datasetField:shop:mart.daily_revenue:revenue", nodes.Keys);
        Assert.Contains(nodes.Values, n => n.GetProperty("type").GetString() == "RESTRICTED");
        Assert.DoesNotContain("ledger", both.GetRawText());
    }

    [Fact]
    public async Task A_dataset_node_id_gives_lineage_for_all_its_columns()
    {
        var nodes = Json.Nodes(await ColumnsAsync(MartOrders, 1));

        Assert.Contains("datasetField:shop:raw.orders:id", nodes.Keys);
        Assert.Contains("datasetField:shop:raw.orders:amount_cents", nodes.Keys);
    }

    [Fact]
    public async Task A_field_id_that_is_not_a_column_id_is_rejected()
    {
        var response = await viewer.GetAsync("/api/v1/column-lineage?nodeId=datasetField:shop");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("datasetField:<namespace>:<dataset>:<field>", await response.Content.ReadAsStringAsync());
    }
}
