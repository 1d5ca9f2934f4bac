using System.Net;
using System.Text.Json;
using static Catalog.Web.Tests.Lineage.ShopLineage;

namespace Catalog.Web.Tests.Lineage;

/// <summary>
/// Cycles in the shop pipeline: the backfill job writes raw.orders from mart.daily_revenue, closing the loop
/// raw.orders → etl_orders → mart.orders → daily_report → mart.daily_revenue → backfill → raw.orders. Both engines
/// must mark it the same way in the graph view and report it in impact analysis.
/// </summary>
public abstract class LineageCycleTests(LineageWebFactory factory)
{
    private static readonly string[] Loop = [RawOrders, EtlOrders, MartOrders, DailyReport, DailyRevenue, Backfill];
    private readonly HttpClient viewer = factory.ClientFor("vera", groups: "group:default:analytics");

    [Fact]
    public async Task The_graph_view_marks_every_node_of_the_backfill_loop_and_nothing_else()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/v1/lineage", ("nodeId", MartOrders), ("depth", 10)));

        var cycle = body.GetProperty("cycles").EnumerateArray().Single();
        Assert.Equal(6, cycle.GetProperty("size").GetInt32());
        Assert.Equal(Loop.Order(StringComparer.Ordinal), cycle.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).Order(StringComparer.Ordinal));
        var nodes = Json.Nodes(body);
        foreach (var id in Loop) Assert.Equal(1, nodes[id].GetProperty("data").GetProperty("cycle").GetInt32());
        Assert.Equal(JsonValueKind.Null, nodes[Board].GetProperty("data").GetProperty("cycle").ValueKind);
        Assert.Equal(JsonValueKind.Null, nodes["restricted:1"].GetProperty("data").GetProperty("cycle").ValueKind);
    }

    [Fact]
    public async Task A_dataset_only_view_marks_the_datasets_and_counts_the_jobs_it_does_not_draw()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/v1/lineage", ("nodeId", RawOrders), ("depth", 10), ("kinds", "dataset")));

        var cycle = body.GetProperty("cycles").EnumerateArray().Single();
        Assert.Equal(6, cycle.GetProperty("size").GetInt32());
        Assert.Equal([DailyRevenue, MartOrders, RawOrders], cycle.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_view_too_shallow_to_close_the_loop_reports_no_cycle()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/v1/lineage", ("nodeId", MartOrders), ("depth", 1), ("direction", "downstream")));

        Assert.Empty(body.GetProperty("cycles").EnumerateArray());
    }

    [Fact]
    public async Task Impact_analysis_says_the_lineage_below_loops_back()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/lineage/impact", ("nodeId", MartOrders)));

        Assert.Equal([6], body.GetProperty("cycles").EnumerateArray().Select(c => c.GetInt32()));
        var acyclic = await Json.GetAsync(viewer, Json.Url("/api/lineage/impact", ("nodeId", Board)));
        Assert.Empty(acyclic.GetProperty("cycles").EnumerateArray());
    }
}

public sealed class SnapshotLineageCycleTests(ShopSnapshotFactory factory) : LineageCycleTests(factory), IClassFixture<ShopSnapshotFactory>
{
    [Fact]
    public async Task Admins_get_every_cycle_of_the_whole_graph_with_owners()
    {
        var admin = factory.ClientFor("ada", roles: "admin");
        await factory.Snapshot.RefreshAsync();

        var body = await Json.GetAsync(admin, "/api/lineage/cycles");

        Assert.Equal(1, body.GetProperty("cycleCount").GetInt32());
        var nodes = body.GetProperty("cycles")[0].GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(6, nodes.Count);
        Assert.Contains(nodes, n => n.GetProperty("id").GetString() == EtlOrders && n.GetProperty("owner").GetString() == "group:default:data-eng");
        Assert.Equal("/entity/dataset/shop/raw.orders", nodes.Single(n => n.GetProperty("id").GetString() == RawOrders).GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_cycle_list_is_for_admins_only()
    {
        var response = await factory.ClientFor("vera", groups: "group:default:analytics").GetAsync("/api/lineage/cycles");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_limit_names_the_field()
    {
        var response = await factory.ClientFor("ada", roles: "admin").GetAsync("/api/lineage/cycles?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_cycles_page_lists_the_loop_for_an_admin()
    {
        var html = await factory.ClientFor("ada", roles: "admin").GetStringAsync("/lineage/cycles");

        Assert.Contains("data-cycle=\"1\"", html);
        Assert.Contains(Backfill, html);
    }
}

public sealed class SqlLineageCycleTests(ShopSqlFactory factory) : LineageCycleTests(factory), IClassFixture<ShopSqlFactory>;

/// <summary>"How are A and B connected?" in either direction, in the API and on the page.</summary>
public sealed class LineagePathTests(ShopSnapshotFactory factory) : IClassFixture<ShopSnapshotFactory>
{
    private readonly HttpClient viewer = factory.ClientFor("vera", groups: "group:default:analytics");

    [Fact]
    public async Task The_path_says_which_way_data_flows()
    {
        var down = await Json.GetAsync(viewer, Json.Url("/api/lineage/path", ("from", RawCustomers), ("to", DailyRevenue)));
        var up = await Json.GetAsync(viewer, Json.Url("/api/lineage/path", ("from", DailyRevenue), ("to", RawCustomers)));

        Assert.Equal("downstream", down.GetProperty("direction").GetString());
        Assert.Equal("upstream", up.GetProperty("direction").GetString());
        Assert.Equal(4, up.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task A_path_through_a_restricted_dataset_keeps_the_step_but_not_its_name()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/lineage/path", ("from", MartOrders), ("to", Board)));

        Assert.Equal([MartOrders, LedgerJob, "restricted:1", BoardJob, Board], body.GetProperty("path").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.DoesNotContain("secret.ledger", body.GetRawText());
    }

    [Fact]
    public async Task The_page_lists_the_chain_and_hides_restricted_steps()
    {
        var html = await viewer.GetStringAsync(Json.Url("/lineage/path", ("from", Board), ("to", MartOrders)));

        Assert.Contains($"data-path-node=\"{LedgerJob}\"", html);
        Assert.Contains("data-path-node=\"restricted:1\"", html);
        Assert.DoesNotContain("secret.ledger", html);
        Assert.Contains("from the second to the first", html);
    }
}
