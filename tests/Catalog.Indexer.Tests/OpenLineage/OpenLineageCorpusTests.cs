using Catalog.Harvesting;
using Catalog.Testing;

namespace Catalog.Indexer.Tests.OpenLineage;

public sealed class OpenLineageCorpusTests(OpenLineageCorpusFixture corpus) : IClassFixture<OpenLineageCorpusFixture>
{
    private Harvesting.HarvestDatabase Db => corpus.Db;

    [Fact]
    public async Task Every_corpus_file_is_either_ingested_or_reported_with_a_precise_error()
    {
        var summary = corpus.Summary;
        Assert.NotEqual(HarvestRunStatus.Failed, summary.Status);
        Assert.Equal(corpus.FilesInCorpus, summary.InputsSeen);
        // No crash: nothing was rolled back by the engine and the harvester itself never stopped.
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM harvest_errors WHERE run_id = $1 AND position IN ('commit', 'batch')", summary.RunId));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM raw_inputs WHERE status = 'pending'"));
        // Every failed file has an error row that names it and a reason.
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM raw_inputs r WHERE r.status = 'failed'
              AND NOT EXISTS (SELECT 1 FROM harvest_errors e WHERE e.raw_input_id = r.id AND e.location = r.location AND e.reason <> '')
            """));
        Assert.True(summary.ItemsApplied > 1000, $"only {summary.ItemsApplied} items applied");
    }

    [Fact]
    public async Task Marquez_seed_gives_the_food_delivery_datasets_jobs_and_their_edges()
    {
        var jobs = await Db.ColumnAsync("SELECT name FROM entities WHERE kind = 'job' AND namespace = 'food_delivery'");
        foreach (var job in new[] { "etl_menus", "etl_categories", "etl_menu_items", "etl_orders", "etl_orders_7_days", "etl_customers", "etl_order_status",
                     "etl_drivers", "etl_restaurants", "etl_delivery_7_days", "delivery_times_7_days", "orders_popular_day_of_week", "email_discounts" })
            Assert.Contains(job, jobs);
        Assert.Equal(["dataset:food_delivery:public.categories", "dataset:food_delivery:public.menu_items", "dataset:food_delivery:public.menus", "dataset:food_delivery:public.orders"],
            await Db.ColumnAsync("""
                SELECT f.ref FROM lineage_edges l JOIN entities f ON f.id = l.from_id JOIN entities t ON t.id = l.to_id
                WHERE t.ref = 'job:food_delivery:etl_orders_7_days' AND l.edge_kind = 'reads' ORDER BY f.ref
                """));
        Assert.Equal(["dataset:food_delivery:public.discounts", "dataset:food_delivery:public.top_delivery_times"], await Db.ColumnAsync("""
            SELECT t.ref FROM lineage_edges l JOIN entities f ON f.id = l.from_id JOIN entities t ON t.id = l.to_id
            WHERE f.ref = 'job:food_delivery:delivery_times_7_days' AND l.edge_kind = 'writes' ORDER BY t.ref
            """));
        Assert.Equal(["id", "name", "restaurant_id", "description"], await Db.ColumnAsync(
            "SELECT f.name FROM dataset_fields f JOIN entities e ON e.id = f.entity_id WHERE e.ref = 'dataset:food_delivery:public.menus' ORDER BY f.ordinal"));
        Assert.Equal("A table for menus.", await Db.ScalarAsync<string>("SELECT description FROM entities WHERE ref = 'dataset:food_delivery:public.menus'"));
        Assert.Equal("completed", await Db.ScalarAsync<string>("SELECT state FROM runs WHERE id = '4d3b8069-69b6-4708-ade0-3275112c9f04'"));
        Assert.Equal("Loads newly added restaurant menus daily.", await Db.ScalarAsync<string>("SELECT description FROM entities WHERE ref = 'job:food_delivery:etl_menus'"));
    }

    [Fact]
    public async Task Spark_column_lineage_test_event_gives_column_edges_with_their_transformations()
    {
        // compatibility-tests/CLL/8.json: /tmp/cll_test/tbl1.ident comes from cll_source1.a (DIRECT IDENTITY), .agg from cll_source2.c (DIRECT AGGREGATION).
        var edges = await Db.ColumnAsync("""
            SELECT f.name || '.' || c.from_field || ' -> ' || c.to_field || ' ' || c.transformation_type || '/' || c.transformation_subtype || ' by ' || j.name
            FROM column_lineage_edges c JOIN entities f ON f.id = c.from_dataset_id JOIN entities t ON t.id = c.to_dataset_id
            JOIN entities j ON j.id = c.job_id
            WHERE t.ref = 'dataset:file:/tmp/cll_test/tbl1' ORDER BY 1
            """);
        Assert.Contains("/tmp/cll_test/cll_source1.a -> ident DIRECT/IDENTITY by open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1", edges);
        Assert.Contains("/tmp/cll_test/cll_source2.c -> agg DIRECT/AGGREGATION by open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1", edges);
    }

    [Fact]
    public async Task Ownership_facet_owners_become_owners_and_ownedBy_relations()
    {
        // data-rentgen/events_airflow.jsonl: the DAG mydag's ownership facet names the owner "airflow".
        Assert.Contains("user:default:airflow", await Db.ColumnAsync("""
            SELECT t.ref FROM entity_relations r JOIN entities f ON f.id = r.from_id JOIN entities t ON t.id = r.to_id
            WHERE f.ref = 'job:http://airflow-host:8081:mydag' AND r.relation = 'ownedBy'
            """));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE ref = 'user:default:airflow'"));
    }

    [Fact]
    public async Task Intentionally_invalid_events_are_reported_with_the_json_path()
    {
        var reasons = await Db.ColumnAsync("SELECT position || ' ' || reason FROM harvest_errors WHERE location LIKE '%fluentd-proxy/event_no_run_id.json'");
        Assert.Contains(reasons, r => r.Contains("$.run.runId", StringComparison.Ordinal) && r.Contains("required", StringComparison.Ordinal));
        Assert.Equal("failed", await Db.ScalarAsync<string>("SELECT status FROM raw_inputs WHERE location LIKE '%fluentd-proxy/event_no_run_id.json'"));
    }

    [Fact]
    public async Task A_non_uuid_run_id_becomes_the_run_id_marquez_would_give_it()
    {
        // simple_run_event.json has runId "run_id"; Marquez maps it with Java's UUID.nameUUIDFromBytes.
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM runs WHERE id = $1", Catalog.Plugins.OpenLineage.Parsing.RunIds.FromOpenLineage("run_id")));
    }
    // The integrations' test expectations that main ingested as real events: their runIds ("{{ any(result) }}", which
    // folded hundreds of events into one run), job names or times are matchers, not values.
    private static readonly string[] TemplatesIngestedBefore =
    [
        "dbt/large/result.json",
        "dbt/postgres/result.json",
        "dbt/profiles/result.json",
        "dbt/snapshot/result.json",
        "dbt/structured_logs/bigquery/run/results/successful_run_ol_events.json",
        "dbt/structured_logs/duckdb/test_singular_tests/results/singular_test_ol_events.json",
        "dbt/structured_logs/postgres/build_command/results/build_ol_events.json",
        "dbt/structured_logs/postgres/run/results/failed_run_ol_events.json",
        "dbt/structured_logs/postgres/run/results/successful_run_ol_events.json",
        "dbt/structured_logs/postgres/seed/results/seed_ol_events.json",
        "dbt/structured_logs/postgres/snapshot/results/snapshot_ol_events.json",
        "dbt/structured_logs/postgres/test/results/test_ol_events.json",
        "dbt/structured_logs/postgres/test_source/results/test_source_ol_events.json",
        "dbt/structured_logs/snowflake/run/results/failed_run_ol_events.json",
        "dbt/structured_logs/snowflake/run/results/successful_run_ol_events.json",
        "dbt/structured_logs/snowflake/seed/results/seed_ol_events.json",
        "dbt/structured_logs/snowflake/snapshot/results/snapshot_ol_events.json",
        "spark/container/pysparkCreateTableCompleteEvent.json",
        "spark/container/pysparkCreateTableStartEvent.json",
    ];

    [Fact]
    public async Task Test_templates_full_of_placeholders_are_rejected_naming_the_field_and_where_the_placeholder_is()
    {
        foreach (var template in TemplatesIngestedBefore)
        {
            var location = Corpus.Path(["openlineage", "expected-templates", .. template.Split('/')]);
            Assert.Equal("failed", await Db.ScalarAsync<string>("SELECT status FROM raw_inputs WHERE location = $1", location));
            var reasons = await Db.ColumnAsync("SELECT coalesce(position, '') || ' ' || reason FROM harvest_errors WHERE location = $1", location);
            Assert.Contains(reasons, r => System.Text.RegularExpressions.Regex.IsMatch(r,
                @"^(element \d+|file) \$(\[\d+\])?\.(run\.runId|job\.name|eventTime): template placeholder, not a real event: '[^']+' at character \d+$"));
        }
        // The run every "{{ any(result) }}" event used to fold into does not exist.
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM runs WHERE id = $1", Catalog.Plugins.OpenLineage.Parsing.RunIds.FromOpenLineage("{{ any(result) }}")));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM entities WHERE name LIKE '%{{%' OR name LIKE '%${%' OR namespace LIKE '%{{%' OR namespace LIKE '%${%'"));
    }

    [Fact]
    public async Task Job_events_without_an_event_time_are_rejected_naming_the_field()
    {
        // Spark's expected JobEvents carry no eventTime, which the spec's BaseEvent requires of every event.
        var location = Corpus.Path("openlineage", "expected-templates", "spark", "container", "pysparkV2AlterTableStartEvent.json");
        Assert.Equal("failed", await Db.ScalarAsync<string>("SELECT status FROM raw_inputs WHERE location = $1", location));
        Assert.Contains("$.eventTime: is required (OpenLineage BaseEvent): expected an ISO-8601 date-time",
            await Db.ColumnAsync("SELECT reason FROM harvest_errors WHERE location = $1", location));
    }

    [Fact]
    public async Task Every_corpus_file_outside_the_test_templates_ingests_as_before()
    {
        // Counted on main before templates and events without eventTime were rejected: the real events are untouched.
        var statuses = await Db.ColumnAsync("""
            SELECT status || ' ' || count(*) FROM raw_inputs WHERE location NOT LIKE '%/expected-templates/%' GROUP BY status ORDER BY status
            """);
        Assert.Equal(["failed 216", "processed 116"], statuses);
    }
}
