using Catalog.Domain.Entities;
using Catalog.Indexer.Tests.Descriptors;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.PostgresIntrospection;
using Npgsql;

namespace Catalog.Indexer.Tests.PostgresIntrospection;

/// <summary>The postgres harvester over Northwind (corpus postgres/northwind), loaded into the test cluster.</summary>
public sealed class NorthwindIntrospectionTests
{
    private const string Namespace = "postgres://northwind-db.internal:5432";

    // The namespace option: the catalog reaches the server on a loopback port, producers name it northwind-db.internal.
    private static readonly Lazy<Task<RecordingHarvestSink>> Harvest = new(async () =>
        await PostgresHarvest.RunAsync(await SampleDatabases.NorthwindAsync(), new PostgresIntrospectionOptions { Namespace = Namespace }));

    private static async Task<EntityRef> DatasetAsync(string table) =>
        EntityRef.Dataset(Namespace, $"{new NpgsqlConnectionStringBuilder(await SampleDatabases.NorthwindAsync()).Database}.public.{table}");

    [Fact]
    public async Task Northwind_has_its_fourteen_tables()
    {
        var sink = await Harvest.Value;

        Assert.Equal(14, sink.ItemsOf<DatasetFound>().Count(d => d.Dataset.Entity.Tags[0] == "table"));
    }

    [Fact]
    public async Task Orders_reference_customers_through_a_foreign_key()
    {
        var sink = await Harvest.Value;
        var orders = await DatasetAsync("orders");

        Assert.Contains(new RelationFound(orders, "references", await DatasetAsync("customers")), sink.ItemsOf<RelationFound>());
        var facet = sink.ItemsOf<FacetFound>().Single(f => f.Entity == orders && f.Name == "postgres").Value;
        var foreignKey = facet.GetProperty("foreignKeys").EnumerateArray().Single(f => f.GetProperty("references").GetString() == "public.customers");
        Assert.Equal("customer_id", foreignKey.GetProperty("columns")[0].GetString());
        Assert.Equal("order_id", facet.GetProperty("primaryKey").GetProperty("columns")[0].GetString());
    }

    [Fact]
    public async Task Orders_row_estimate_is_830()
    {
        var sink = await Harvest.Value;
        var orders = await DatasetAsync("orders");

        Assert.Equal(830, Assert.Single(sink.ItemsOf<PartitionFound>(), p => p.Dataset == orders).Partition.RowCount);
    }

    [Fact]
    public async Task Order_details_has_a_composite_primary_key()
    {
        var sink = await Harvest.Value;
        var details = await DatasetAsync("order_details");

        var key = sink.ItemsOf<FacetFound>().Single(f => f.Entity == details && f.Name == "postgres").Value.GetProperty("primaryKey").GetProperty("columns");
        Assert.Equal(["order_id", "product_id"], key.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_database_and_its_schema_are_resources_the_tables_belong_to()
    {
        var sink = await Harvest.Value;
        var database = new NpgsqlConnectionStringBuilder(await SampleDatabases.NorthwindAsync()).Database!;
        var schema = new EntityRef(EntityKind.Resource, Namespace, $"{database}.public");

        Assert.Contains(new RelationFound(schema, "partOf", new EntityRef(EntityKind.Resource, Namespace, database)), sink.ItemsOf<RelationFound>());
        Assert.Contains(new RelationFound(await DatasetAsync("orders"), "partOf", schema), sink.ItemsOf<RelationFound>());
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_without_echoing_the_password()
    {
        var sink = await PostgresHarvest.RunAsync("Host=127.0.0.1;Port=1;Database=nowhere;Username=reader;Password=s3cret;Timeout=2");

        var error = Assert.Single(sink.Errors);
        Assert.Equal("postgres://127.0.0.1:1/nowhere", error.Location);
        Assert.Contains("could not introspect", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(sink.Batches);
    }

    [Fact]
    public async Task A_target_that_is_not_a_connection_string_is_reported()
    {
        var sink = await PostgresHarvest.RunAsync("Server=db;Frobnicate=yes;Password=s3cret");

        var error = Assert.Single(sink.Errors);
        Assert.Contains("is not a connection string", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }
}
