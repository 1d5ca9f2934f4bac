using System.Text;
using Catalog.Indexer.Tests.HarvestFormats;
using Catalog.Plugins.Dbt;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Dbt;

public sealed class CatalogAndErrorTests
{
    [Fact]
    public async Task Catalog_json_completes_columns_with_warehouse_types_and_keeps_manifest_descriptions()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("openlineage-dbt-tests", "spark", "thrift", "target"));

        var catalogBatch = sink.Batch("catalog.json");
        var orders = catalogBatch.Items.OfType<DatasetFound>().Single(d => d.Dataset.Entity.Ref.Name == "default.orders");
        Assert.True(orders.FieldsComplete);
        Assert.Equal("order_id", orders.Dataset.Fields[0].Name);
        Assert.Equal("long", orders.Dataset.Fields[0].Type);
        var rawCustomers = catalogBatch.Items.OfType<PartitionFound>().Single(p => p.Dataset.Name == "default.raw_customers");
        Assert.Equal(1278, rawCustomers.Partition.Bytes);
        Assert.Equal("all", rawCustomers.Partition.Key);
    }

    [Fact]
    public async Task Jaffle_catalog_reports_row_counts_as_the_size_of_the_whole_table()
    {
        var sink = await DbtTestHarvest.RunAsync(DbtTestHarvest.File("dbt-artifacts-parser-jaffle-shop", "catalog", "v1", "jaffle_shop", "catalog.json"));

        var customers = sink.All<PartitionFound>().Single(p => p.Dataset.Name == "your-project.jaffle_shop.customers");
        Assert.Equal(100, customers.Partition.RowCount);
    }

    [Fact]
    public async Task A_truncated_manifest_fails_alone_with_its_line_and_column()
    {
        var directory = Directory.CreateTempSubdirectory("dbt-bad-");
        try
        {
            var good = await File.ReadAllTextAsync(DbtTestHarvest.File("openlineage-dbt-tests", "small", "target", "manifest.json"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "good"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "bad"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "good", "manifest.json"), good);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "bad", "manifest.json"), good[..200]);

            var sink = await DbtTestHarvest.RunAsync(directory.FullName);

            Assert.True(sink.Batch("good/manifest.json").Committed);
            var failure = sink.Batch("bad/manifest.json").Failure;
            Assert.NotNull(failure);
            Assert.Matches(@"^line \d+, column \d+$", failure.Position);
            Assert.StartsWith("not valid JSON", failure.Reason, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_node_without_a_name_is_reported_by_json_path_and_the_other_nodes_land()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("dbt-node-").FullName, "manifest.json");
        await File.WriteAllTextAsync(file, """
            {"metadata": {"adapter_type": "postgres", "project_name": "p"},
             "nodes": {"model.p.ok": {"resource_type": "model", "name": "ok", "package_name": "p", "database": "d", "schema": "s", "alias": "ok"},
                       "model.p.broken": {"resource_type": "model", "name": 42}},
             "sources": []}
            """, Encoding.UTF8);

        var sink = await DbtTestHarvest.RunAsync(file);

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed, batch.Failure?.ToString());
        Assert.Equal("dataset:postgres:d.s.ok", Assert.Single(batch.Items.OfType<DatasetFound>()).Dataset.Entity.Ref.ToString());
        Assert.Contains(batch.Errors, e => e.Position == "$.nodes[\"model.p.broken\"].name" && e.Reason == "expected a string name; the node was skipped");
        Assert.Contains(batch.Errors, e => e.Position == "$.sources" && e.Reason.StartsWith("expected an object keyed by unique_id", StringComparison.Ordinal));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task A_missing_target_is_reported_not_thrown()
    {
        var sink = new RecordingSink();
        await new DbtHarvester(Options.Create(new DbtOptions())).HarvestAsync(new HarvestContext("/nonexistent/target", sink), CancellationToken.None);

        Assert.Equal("/nonexistent/target: no such file or directory", Assert.Single(sink.Errors).ToString());
    }
}
