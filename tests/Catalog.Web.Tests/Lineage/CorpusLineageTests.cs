using System.Text.Json;

namespace Catalog.Web.Tests.Lineage;

/// <summary>Lineage of real harvested metadata: what the corpus files imply, through the public API.</summary>
public sealed class CorpusLineageTests(CorpusLineageFactory factory) : IClassFixture<CorpusLineageFactory>
{
    private const string Food = "dataset:food_delivery:public.";
    private const string Jaffle = "dataset:bigquery:your-project.jaffle_shop.";
    private readonly HttpClient client = factory.ClientFor("vera");

    private async Task<IReadOnlyDictionary<string, JsonElement>> LineageAsync(string nodeId, int depth, string direction, string? kinds = null) =>
        Json.Nodes(await Json.GetAsync(client, Json.Url("/api/v1/lineage", ("nodeId", nodeId), ("depth", depth), ("direction", direction), ("kinds", kinds ?? ""))));

    private static List<string> AtDepth(IReadOnlyDictionary<string, JsonElement> nodes, string type) =>
        nodes.Values.Where(n => n.GetProperty("type").GetString() == type && n.GetProperty("data").GetProperty("depth").GetInt32() > 0)
            .Select(n => $"{n.GetProperty("id").GetString()}@{n.GetProperty("data").GetProperty("depth").GetInt32()}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Food_delivery_seed_delivery_7_days_is_fed_through_its_etl_job_by_five_tables()
    {
        var nodes = await LineageAsync(Food + "delivery_7_days", 2, "upstream");

        Assert.Equal(["job:food_delivery:etl_delivery_7_days@1"], AtDepth(nodes, "JOB"));
        Assert.Equal(new[] { "customers", "drivers", "order_status", "orders_7_days", "restaurants" }.Select(n => $"{Food}{n}@2"), AtDepth(nodes, "DATASET"));
    }

    [Fact]
    public async Task Food_delivery_etl_job_one_hop_away_still_lists_the_five_tables_it_reads()
    {
        var nodes = await LineageAsync(Food + "delivery_7_days", 1, "both");

        var etl = nodes["job:food_delivery:etl_delivery_7_days"];
        Assert.Empty(Json.Edges(etl, "inEdges"));
        Assert.Equal(new[] { "customers", "drivers", "order_status", "orders_7_days", "restaurants" }.Select(n => "public." + n),
            etl.GetProperty("data").GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(5, etl.GetProperty("data").GetProperty("upstreamCount").GetInt32());
        var report = nodes["job:food_delivery:delivery_times_7_days"].GetProperty("data");
        Assert.Equal(["public.discounts", "public.top_delivery_times"], report.GetProperty("outputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Food_delivery_depth_four_reaches_the_tables_behind_orders_7_days_and_depth_two_does_not()
    {
        var deep = await LineageAsync(Food + "delivery_7_days", 4, "upstream", "dataset");
        var shallow = await LineageAsync(Food + "delivery_7_days", 2, "upstream", "dataset");

        foreach (var table in new[] { "orders", "menus", "menu_items", "categories" })
        {
            Assert.Contains($"{Food}{table}@4", AtDepth(deep, "DATASET"));
            Assert.DoesNotContain(Food + table, shallow.Keys);
        }
        Assert.Contains($"{Food}orders>{Food}orders_7_days", Json.Edges(deep[Food + "orders_7_days"], "inEdges"));
    }

    [Fact]
    public async Task Impact_of_food_delivery_orders_reaches_the_marketing_tables_four_jobs_away()
    {
        var body = await Json.GetAsync(client, Json.Url("/api/lineage/impact", ("nodeId", Food + "orders")));

        Assert.Equal(
            [$"{Food}orders_7_days@2", $"{Food}delivery_7_days@4", $"{Food}discounts@6", $"{Food}top_delivery_times@6", $"{Food}popular_orders_day_of_week@8"],
            body.GetProperty("endpoints").EnumerateArray().Select(e => $"{e.GetProperty("id").GetString()}@{e.GetProperty("depth").GetInt32()}"));
    }

    [Fact]
    public async Task Path_from_orders_to_the_popular_day_report_runs_through_four_jobs()
    {
        var body = await Json.GetAsync(client, Json.Url("/api/lineage/path", ("from", Food + "orders"), ("to", Food + "popular_orders_day_of_week")));

        Assert.Equal(
            [Food + "orders", "job:food_delivery:etl_orders_7_days", Food + "orders_7_days", "job:food_delivery:etl_delivery_7_days", Food + "delivery_7_days",
             "job:food_delivery:delivery_times_7_days", Food + "top_delivery_times", "job:food_delivery:orders_popular_day_of_week", Food + "popular_orders_day_of_week"],
            body.GetProperty("path").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Column_lineage_facets_trace_order_placed_on_back_to_orders_placed_on()
    {
        var nodes = Json.Nodes(await Json.GetAsync(client, Json.Url("/api/v1/column-lineage", ("nodeId", $"datasetField:food_delivery:public.delivery_7_days:order_placed_on"), ("depth", 5))));

        Assert.Equal(1, nodes["datasetField:food_delivery:public.orders_7_days:placed_on"].GetProperty("data").GetProperty("depth").GetInt32());
        Assert.Equal(2, nodes["datasetField:food_delivery:public.orders:placed_on"].GetProperty("data").GetProperty("depth").GetInt32());
        Assert.Equal(3, nodes.Count);
    }

    [Fact]
    public async Task Column_lineage_downstream_of_order_placed_on_reaches_the_discount_and_weekday_columns()
    {
        var nodes = Json.Nodes(await Json.GetAsync(client, Json.Url("/api/v1/column-lineage",
            ("nodeId", "datasetField:food_delivery:public.delivery_7_days:order_placed_on"), ("depth", 2), ("withDownstream", true))));

        Assert.Contains("datasetField:food_delivery:public.top_delivery_times:order_delivery_time", nodes.Keys);
        Assert.Contains("datasetField:food_delivery:public.discounts:amount_off", nodes.Keys);
        Assert.Equal(2, nodes["datasetField:food_delivery:public.popular_orders_day_of_week:order_day_of_week"].GetProperty("data").GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task Spark_column_lineage_event_says_agg_is_an_aggregation_of_cll_source2_c()
    {
        var nodes = Json.Nodes(await Json.GetAsync(client, Json.Url("/api/v1/column-lineage", ("nodeId", "datasetField:file:/tmp/cll_test/tbl1:agg"), ("depth", 1))));

        var inputs = nodes["datasetField:file:/tmp/cll_test/tbl1:agg"].GetProperty("data").GetProperty("inputFields").EnumerateArray().ToList();
        var c = Assert.Single(inputs, i => i.GetProperty("dataset").GetString() == "/tmp/cll_test/cll_source2" && i.GetProperty("field").GetString() == "c");
        Assert.Equal("DIRECT", c.GetProperty("transformationType").GetString());
        Assert.Equal("AGGREGATION", c.GetProperty("transformationSubtype").GetString());
        Assert.Contains(inputs, i => i.GetProperty("dataset").GetString() == "/tmp/cll_test/cll_source1" && i.GetProperty("field").GetString() == "a");
    }

    [Fact]
    public async Task Apples_story_joins_two_pickings_into_one_pie_and_sugar_feeds_both_filling_and_cider()
    {
        var pie = await LineageAsync("dataset:grandmas.kitchen:apple.pie", 10, "upstream", "dataset");
        var sugar = await Json.GetAsync(client, Json.Url("/api/lineage/impact", ("nodeId", "dataset:cupboard:sugar")));

        Assert.Contains("dataset:laurents-orchard:red.delicious@6", AtDepth(pie, "DATASET"));
        Assert.Contains("dataset:backyard:crab.apples@6", AtDepth(pie, "DATASET"));
        Assert.Equal(["dataset:grandmas.kitchen:apple.cider@2", "dataset:grandmas.kitchen:apple.filling@2", "dataset:cupboard:apple.vinegar@4", "dataset:grandmas.kitchen:apple.pie@4"],
            sugar.GetProperty("endpoints").EnumerateArray().Select(e => $"{e.GetProperty("id").GetString()}@{e.GetProperty("depth").GetInt32()}"));
    }

    [Fact]
    public async Task Dbt_jaffle_shop_customers_is_built_from_the_three_staging_models_and_they_from_the_seeds()
    {
        var two = await LineageAsync(Jaffle + "customers", 2, "upstream");
        var four = await LineageAsync(Jaffle + "customers", 4, "upstream", "dataset");

        Assert.Equal(["job:dbt:jaffle_shop.customers@1"], AtDepth(two, "JOB"));
        Assert.Equal(new[] { "stg_customers", "stg_orders", "stg_payments" }.Select(m => $"{Jaffle}{m}@2"), AtDepth(two, "DATASET"));
        Assert.Equal(new[] { "raw_customers", "raw_orders", "raw_payments" }.Select(m => $"{Jaffle}{m}@4"), AtDepth(four, "DATASET").Where(d => d.EndsWith("@4", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Dbt_model_nodes_carry_the_columns_documented_in_the_manifest()
    {
        var nodes = await LineageAsync(Jaffle + "customers", 0, "both");

        Assert.Equal(["customer_id", "first_name", "last_name", "first_order", "most_recent_order", "number_of_orders"],
            nodes[Jaffle + "customers"].GetProperty("data").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Take(6));
    }

    [Fact]
    public async Task Impact_of_the_raw_orders_seed_reaches_daily_orders_through_orders()
    {
        var body = await Json.GetAsync(client, Json.Url("/api/lineage/impact", ("nodeId", Jaffle + "raw_orders")));

        Assert.Equal([$"{Jaffle}stg_orders@2", $"{Jaffle}customers@4", $"{Jaffle}orders@4", $"{Jaffle}daily_orders@6"],
            body.GetProperty("endpoints").EnumerateArray().Select(e => $"{e.GetProperty("id").GetString()}@{e.GetProperty("depth").GetInt32()}"));
    }

    [Fact]
    public async Task A_feedback_job_added_to_harvested_lineage_makes_a_cycle_that_traversal_survives()
    {
        // Not in the files: a backfill that writes discounts back into orders closes a loop over the seed's pipeline.
        await factory.Data.JobAsync("job:food_delivery:backfill_orders", [Food + "discounts"], [Food + "orders"]);
        await factory.Snapshot.RefreshAsync();

        var nodes = await LineageAsync(Food + "orders", 50, "both", "dataset");

        Assert.Equal("both", nodes[Food + "discounts"].GetProperty("data").GetProperty("side").GetString());
        Assert.Equal("both", nodes[Food + "delivery_7_days"].GetProperty("data").GetProperty("side").GetString());
        Assert.Contains($"{Food}discounts>{Food}orders", Json.Edges(nodes[Food + "orders"], "inEdges"));
    }
}
