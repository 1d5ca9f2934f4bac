using Catalog.Domain.Lineage;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Dbt;

public sealed class ManifestTests
{
    private const string JaffleV12 = "dbt-artifacts-parser-jaffle-shop/manifest/v12/jaffle_shop/manifest_1.9.json";

    [Fact]
    public async Task Jaffle_shop_customers_is_built_by_a_job_reading_its_three_staging_models()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File(JaffleV12.Split('/')));

        var reads = sink.All<LineageFound>().Select(l => l.Edge)
            .Where(e => e.Kind == LineageEdgeKind.Reads && e.To.ToString() == "job:dbt:jaffle_shop.customers")
            .Select(e => e.From.ToString()).Order().ToList();
        Assert.Equal(
            ["dataset:bigquery:your-project.jaffle_shop.stg_customers", "dataset:bigquery:your-project.jaffle_shop.stg_orders", "dataset:bigquery:your-project.jaffle_shop.stg_payments"],
            reads);
        Assert.Contains(sink.All<LineageFound>(), l => l.Edge.Kind == LineageEdgeKind.Writes
            && l.Edge.From.ToString() == "job:dbt:jaffle_shop.customers" && l.Edge.To.ToString() == "dataset:bigquery:your-project.jaffle_shop.customers");
    }

    [Fact]
    public async Task Jaffle_shop_customers_carries_its_column_descriptions_tags_and_tests()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File(JaffleV12.Split('/')));

        var customers = sink.All<DatasetFound>().Single(d => d.Dataset.Entity.Ref.ToString() == "dataset:bigquery:your-project.jaffle_shop.customers");
        Assert.Equal("Customer's first name. PII.", customers.Dataset.Fields.Single(f => f.Name == "first_name").Description);
        Assert.Contains("lightdash", customers.Dataset.Entity.Tags);
        Assert.Equal("`your-project`.`jaffle_shop`.`customers`", customers.Dataset.Entity.Location);
        var checks = sink.All<FacetFound>().Single(f => f.Name == "qualityChecks" && f.Entity == customers.Dataset.Entity.Ref).Value;
        Assert.Contains(checks.EnumerateArray(), c => c.GetProperty("name").GetString() == "unique_customers_customer_id"
            && c.GetProperty("type").GetString() == "unique" && c.GetProperty("column").GetString() == "customer_id");
    }

    [Fact]
    public async Task Meta_owner_becomes_the_owning_group()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("openlineage-dbt-tests", "duckdb", "target", "manifest.json"));

        var owned = sink.All<DatasetFound>().Where(d => d.Dataset.Entity.Owner?.ToString() == "group:default:data-team").ToList();
        Assert.NotEmpty(owned);
        Assert.All(owned, d => Assert.Contains(sink.All<RelationFound>(), r => r.From == d.Dataset.Entity.Ref && r.Type == "ownedBy"));
    }

    [Theory]
    [InlineData("v1"), InlineData("v2"), InlineData("v3"), InlineData("v4"), InlineData("v5"), InlineData("v6")]
    [InlineData("v7"), InlineData("v8"), InlineData("v9"), InlineData("v10"), InlineData("v11"), InlineData("v12")]
    public async Task Every_manifest_schema_version_yields_my_model_and_its_job(string version)
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("dbt-core-artifact-tests", "state", version, "manifest.json"));

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed, batch.Failure?.ToString());
        Assert.Contains(sink.All<DatasetFound>(), d => d.Dataset.Entity.Ref.Namespace == "postgres" && d.Dataset.Entity.Ref.Name.EndsWith(".my_model", StringComparison.Ordinal));
        Assert.Contains(sink.All<WorkflowFound>(), w => w.Workflow.Entity.Ref.ToString() == "job:dbt:test.my_model");
    }

    [Fact]
    public async Task The_v12_fixture_exposure_depends_on_its_model_and_source()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("dbt-core-artifact-tests", "state", "v12", "manifest.json"));

        var exposure = sink.All<EntityFound>().Single(e => e.Entity.Ref.ToString() == "component:postgres:test.simple_exposure");
        Assert.Contains("dbt-exposure-dashboard", exposure.Entity.Tags);
        var dependsOn = sink.All<RelationFound>().Where(r => r.From == exposure.Entity.Ref && r.Type == "dependsOn").Select(r => r.To.Name).Order().ToList();
        Assert.Equal(2, dependsOn.Count);
        Assert.Contains(dependsOn, n => n.StartsWith("dbt.my_source.", StringComparison.Ordinal));
        Assert.Contains(sink.All<LineageFound>(), l => l.Edge.From.ToString() == "dataset:postgres:dbt.my_source.my_seed" || l.Edge.To.ToString().EndsWith("snapshot_seed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_756_byte_manifest_without_metadata_still_yields_its_model()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("astronomer-cosmos", "sample", "small_manifest.json"));

        var model = Assert.Single(sink.All<DatasetFound>());
        Assert.Equal("dataset:dbt:FDH_DEV_DB.MONITORING.model_run_results", model.Dataset.Entity.Ref.ToString());
        Assert.Contains(sink.All<WorkflowFound>(), w => w.Workflow.Entity.Ref.ToString() == "job:dbt:elementary.model_run_results");
    }

    [Fact]
    public async Task Versioned_models_get_one_job_per_version()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("astronomer-cosmos", "sample", "manifest_model_version.json"));

        var versionedJobs = sink.All<WorkflowFound>().Select(w => w.Workflow.Entity.Ref.Name).Where(n => n.Contains(".v", StringComparison.Ordinal)).ToList();
        Assert.True(versionedJobs.Count >= 2, string.Join(", ", versionedJobs));
        var facets = sink.All<FacetFound>().Where(f => f.Name == "dbt" && f.Value.GetProperty("version").ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
        Assert.NotEmpty(facets);
    }

    [Fact]
    public async Task The_mesh_downstream_project_reads_the_upstream_projects_public_models()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("astronomer-cosmos", "cross_project"));

        var fctRevenueReads = sink.Batch("downstream/target/manifest.json").Items.OfType<LineageFound>()
            .Where(l => l.Edge.Kind == LineageEdgeKind.Reads && l.Edge.To.ToString() == "job:dbt:downstream.fct_revenue")
            .Select(l => l.Edge.From.ToString()).Order().ToList();
        Assert.Equal(["dataset:postgres:postgres.platform.int_orders_enriched", "dataset:postgres:postgres.platform.stg_order_items", "dataset:postgres:postgres.platform.stg_products"], fctRevenueReads);
        // The upstream project's own manifest builds the same dataset, so lineage joins across projects.
        Assert.Contains(sink.Batch("upstream/target/manifest.json").Items.OfType<LineageFound>(),
            l => l.Edge.Kind == LineageEdgeKind.Writes && l.Edge.To.ToString() == "dataset:postgres:postgres.platform.int_orders_enriched");
        // The downstream manifest does not claim to build upstream models.
        Assert.DoesNotContain(sink.Batch("downstream/target/manifest.json").Items.OfType<WorkflowFound>(), w => w.Workflow.Entity.Ref.Name.StartsWith("upstream.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Harvesting_every_dbt_artifact_in_the_corpus_commits_every_file()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File());

        Assert.Equal(85, sink.Batches.Count);
        Assert.All(sink.Batches, b => Assert.True(b.Committed, $"{b.Input.Location}: {b.Failure}"));
    }
}
