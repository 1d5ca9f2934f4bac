using System.Net;
using System.Text.Json;
using static Catalog.Web.Tests.Lineage.ShopLineage;

namespace Catalog.Web.Tests.Lineage;

/// <summary>The lineage API against both engines: the same assertions must hold for the snapshot and for SQL.</summary>
public abstract class LineageApiTests(LineageWebFactory factory, string engine)
{
    private readonly HttpClient viewer = factory.ClientFor("vera", groups: "group:default:analytics");

    private Task<JsonElement> LineageAsync(string nodeId, int depth, string? direction = null, HttpClient? client = null) =>
        Json.GetAsync(client ?? viewer, Json.Url("/api/v1/lineage", ("nodeId", nodeId), ("depth", depth), ("direction", direction ?? "both")));

    [Fact]
    public async Task Lineage_of_a_dataset_comes_in_marquez_shape_with_edges_both_ways()
    {
        var nodes = Json.Nodes(await LineageAsync(MartOrders, 1));

        Assert.Equal(new[] { MartOrders, EtlOrders, DailyReport, LedgerJob }.Order(), nodes.Keys.Order());
        Assert.Equal("DATASET", nodes[MartOrders].GetProperty("type").GetString());
        Assert.Equal("JOB", nodes[EtlOrders].GetProperty("type").GetString());
        Assert.Equal([$"{EtlOrders}>{MartOrders}"], Json.Edges(nodes[MartOrders], "inEdges"));
        Assert.Equal(new[] { $"{MartOrders}>{DailyReport}", $"{MartOrders}>{LedgerJob}" }, Json.Edges(nodes[MartOrders], "outEdges").Order());
        var data = nodes[MartOrders].GetProperty("data");
        Assert.Equal("shop", data.GetProperty("id").GetProperty("namespace").GetString());
        Assert.Equal("mart.orders", data.GetProperty("name").GetString());
        Assert.Equal(["order_id", "amount"], data.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("group:default:data-eng", data.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Depth_two_reaches_the_datasets_behind_the_jobs_and_no_further()
    {
        var nodes = Json.Nodes(await LineageAsync(MartOrders, 2));

        Assert.Contains(RawOrders, nodes.Keys);
        Assert.Contains(RawCustomers, nodes.Keys);
        Assert.Contains(DailyRevenue, nodes.Keys);
        Assert.DoesNotContain(Backfill, nodes.Keys);
        Assert.DoesNotContain(Board, nodes.Keys);
        Assert.Equal(2, nodes[DailyRevenue].GetProperty("data").GetProperty("depth").GetInt32());
        Assert.True(nodes[DailyRevenue].GetProperty("data").GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Upstream_only_lineage_leaves_out_what_the_node_feeds()
    {
        var nodes = Json.Nodes(await LineageAsync(MartOrders, 4, "upstream"));

        Assert.Contains(RawOrders, nodes.Keys);
        Assert.DoesNotContain(DailyReport, nodes.Keys);
        Assert.Equal("upstream", nodes[RawOrders].GetProperty("data").GetProperty("side").GetString());
    }

    [Fact]
    public async Task A_cycle_through_the_start_terminates_and_marks_its_nodes_as_both_sides()
    {
        var nodes = Json.Nodes(await LineageAsync(RawOrders, 10));

        Assert.Equal("both", nodes[DailyRevenue].GetProperty("data").GetProperty("side").GetString());
        Assert.Contains($"{Backfill}>{RawOrders}", Json.Edges(nodes[RawOrders], "inEdges"));
    }

    [Fact]
    public async Task A_restricted_node_keeps_its_place_but_not_its_name_for_outsiders()
    {
        var body = await LineageAsync(MartOrders, 4, "downstream");
        var nodes = Json.Nodes(body);

        Assert.DoesNotContain(Ledger, nodes.Keys);
        Assert.DoesNotContain("secret.ledger", body.GetRawText());
        var hidden = Assert.Single(nodes, n => n.Key.StartsWith("restricted:", StringComparison.Ordinal));
        Assert.Equal("RESTRICTED", hidden.Value.GetProperty("type").GetString());
        Assert.Equal([$"{LedgerJob}>{hidden.Key}"], Json.Edges(hidden.Value, "inEdges"));
        Assert.Equal([$"{hidden.Key}>{BoardJob}"], Json.Edges(hidden.Value, "outEdges"));
    }

    [Fact]
    public async Task A_job_at_the_depth_limit_lists_all_its_inputs_and_counts_its_neighbours_beyond_the_response()
    {
        var nodes = Json.Nodes(await LineageAsync(MartOrders, 1, "upstream"));

        // Only the job is within one hop; its two inputs are not in the response, yet its data names both.
        Assert.Equal(new[] { MartOrders, EtlOrders }.Order(), nodes.Keys.Order());
        var job = nodes[EtlOrders].GetProperty("data");
        Assert.Equal(["shop:raw.customers", "shop:raw.orders"], MarquezIds(job, "inputs"));
        Assert.Equal(["shop:mart.orders"], MarquezIds(job, "outputs"));
        Assert.Equal(2, job.GetProperty("upstreamCount").GetInt32());
        Assert.Equal(1, job.GetProperty("downstreamCount").GetInt32());
        // mart.orders is read by two jobs the upstream-only response leaves out.
        Assert.Equal(1, nodes[MartOrders].GetProperty("data").GetProperty("upstreamCount").GetInt32());
        Assert.Equal(2, nodes[MartOrders].GetProperty("data").GetProperty("downstreamCount").GetInt32());
    }

    [Fact]
    public async Task A_job_writing_a_restricted_dataset_counts_it_but_does_not_name_it_for_outsiders()
    {
        var body = await LineageAsync(MartOrders, 1, "downstream");
        var job = Json.Nodes(body)[LedgerJob].GetProperty("data");

        Assert.Equal(["shop:mart.orders"], MarquezIds(job, "inputs"));
        Assert.Empty(MarquezIds(job, "outputs"));
        Assert.Equal(1, job.GetProperty("downstreamCount").GetInt32());
        Assert.DoesNotContain("secret.ledger", body.GetRawText());
        var owner = factory.ClientFor("olga", groups: "group:default:audit");
        Assert.Equal(["shop:secret.ledger"], MarquezIds(Json.Nodes(await LineageAsync(MartOrders, 1, "downstream", owner))[LedgerJob].GetProperty("data"), "outputs"));
    }

    private static List<string> MarquezIds(JsonElement data, string property) =>
        data.GetProperty(property).EnumerateArray().Select(i => $"{i.GetProperty("namespace").GetString()}:{i.GetProperty("name").GetString()}").ToList();

    [Fact]
    public async Task The_owning_team_and_auditors_see_the_restricted_node_by_name()
    {
        var owner = factory.ClientFor("olga", groups: "group:default:audit");
        var auditor = factory.ClientFor("ali", roles: "auditor");

        Assert.Contains(Ledger, Json.Nodes(await LineageAsync(MartOrders, 2, "downstream", owner)).Keys);
        Assert.Contains(Ledger, Json.Nodes(await LineageAsync(MartOrders, 2, "downstream", auditor)).Keys);
    }

    [Fact]
    public async Task A_restricted_start_node_is_not_found_for_outsiders()
    {
        var response = await viewer.GetAsync(Json.Url("/api/v1/lineage", ("nodeId", Ledger)));
        var unknown = await viewer.GetAsync(Json.Url("/api/v1/lineage", ("nodeId", "dataset:shop:no.such")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((await unknown.Content.ReadAsStringAsync()).Replace("no.such", "X"), (await response.Content.ReadAsStringAsync()).Replace("secret.ledger", "X"));
    }

    [Fact]
    public async Task A_malformed_node_id_is_a_validation_problem_naming_the_expected_form()
    {
        var response = await viewer.GetAsync("/api/v1/lineage?nodeId=orders&depth=2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind>:<namespace>:<name>", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"/api/v1/lineage?nodeId={MartOrders}&direction=sideways")).StatusCode);
    }

    [Fact]
    public async Task Kind_filter_returns_datasets_joined_through_their_jobs()
    {
        var nodes = Json.Nodes(await Json.GetAsync(viewer, Json.Url("/api/v1/lineage", ("nodeId", MartOrders), ("depth", 2), ("kinds", "dataset"))));

        // The ledger is a dataset the viewer may not see: it stays, opaque.
        Assert.All(nodes.Values, n => Assert.Contains(n.GetProperty("type").GetString(), new[] { "DATASET", "RESTRICTED" }));
        Assert.Equal(4, nodes.Values.Count(n => n.GetProperty("type").GetString() == "DATASET"));
        Assert.Contains($"{RawOrders}>{MartOrders}", Json.Edges(nodes[MartOrders], "inEdges"));
        Assert.Contains($"{MartOrders}>{DailyRevenue}", Json.Edges(nodes[MartOrders], "outEdges"));
    }

    [Fact]
    public async Task The_engine_that_answered_is_reported()
    {
        var response = await viewer.GetAsync(Json.Url("/api/v1/lineage", ("nodeId", MartOrders)));

        Assert.Equal(engine, response.Headers.GetValues("X-Lineage-Engine").Single());
    }

    [Fact]
    public async Task Path_between_two_datasets_follows_the_jobs_in_between()
    {
        var body = await Json.GetAsync(viewer, Json.Url("/api/lineage/path", ("from", DailyRevenue), ("to", RawCustomers)));

        Assert.Equal([RawCustomers, EtlOrders, MartOrders, DailyReport, DailyRevenue],
            body.GetProperty("path").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        var none = await viewer.GetAsync(Json.Url("/api/lineage/path", ("from", RawCustomers), ("to", "dataset:shop:raw.customers")));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
    }
}

public sealed class SnapshotLineageApiTests(ShopSnapshotFactory factory) : LineageApiTests(factory, "snapshot"), IClassFixture<ShopSnapshotFactory>;

public sealed class SqlLineageApiTests(ShopSqlFactory factory) : LineageApiTests(factory, "sql"), IClassFixture<ShopSqlFactory>;
