using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Lineage.Columns;
using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Columns;

public class ColumnLineageGraphTests
{
    private static ColumnRef Col(string dataset, string field) => new(EntityRef.Dataset("shop", dataset), field);

    private static readonly ColumnLineageGraph Graph = ColumnLineageGraph.Build(
    [
        new(Col("raw_orders", "id"), Col("stg_orders", "order_id")) { TransformationType = "DIRECT", TransformationSubtype = "IDENTITY" },
        new(Col("raw_orders", "amount_cents"), Col("stg_orders", "amount")) { TransformationType = "DIRECT", TransformationSubtype = "TRANSFORMATION" },
        new(Col("stg_orders", "amount"), Col("orders", "total")) { TransformationType = "DIRECT", TransformationSubtype = "AGGREGATION" },
        new(Col("stg_orders", "order_id"), Col("orders", "total")) { TransformationType = "INDIRECT", TransformationSubtype = "GROUP_BY" },
        new(Col("orders", "total"), Col("revenue", "sum")),
        new(Col("revenue", "sum"), Col("orders", "total")),
        new(Col("stg_orders", "amount"), Col("orders", "total")),
    ]);

    [Fact]
    public void Source_columns_feeding_a_column_are_found_transitively_with_depth()
    {
        var trace = Graph.Trace(Col("orders", "total"), LineageDirection.Upstream, 5);

        // revenue.sum feeds orders.total back (a cycle); the raw columns sit two hops up.
        Assert.Equal(
            ["revenue.sum@1", "stg_orders.amount@1", "stg_orders.order_id@1", "raw_orders.amount_cents@2", "raw_orders.id@2"],
            trace.Upstream.Select(c => $"{c.Column.Dataset.Name}.{c.Column.Field}@{c.Depth}"));
    }

    [Fact]
    public void What_a_column_feeds_is_found_and_depth_is_respected()
    {
        var one = Graph.Trace(Col("raw_orders", "amount_cents"), LineageDirection.Downstream, 1);
        var all = Graph.Trace(Col("raw_orders", "amount_cents"), LineageDirection.Downstream, 10);

        Assert.Equal(["datasetField:shop:stg_orders:amount"], one.Downstream.Select(c => c.Column.ToString()));
        Assert.Equal(["stg_orders.amount@1", "orders.total@2", "revenue.sum@3"], all.Downstream.Select(c => $"{c.Column.Dataset.Name}.{c.Column.Field}@{c.Depth}"));
    }

    [Fact]
    public void A_cycle_between_columns_terminates_and_keeps_its_edges()
    {
        var trace = Graph.Trace(Col("revenue", "sum"), LineageDirection.Both, 50);

        Assert.Contains(trace.Downstream, c => c.Column == Col("orders", "total"));
        Assert.Contains(trace.Upstream, c => c.Column == Col("orders", "total"));
        Assert.Contains(trace.Edges, e => e.From == Col("revenue", "sum") && e.To == Col("orders", "total"));
    }

    [Fact]
    public void Duplicate_edges_keep_the_first_transformation()
    {
        var trace = Graph.Trace(Col("orders", "total"), LineageDirection.Upstream, 1);

        var edge = Assert.Single(trace.Edges, e => e.From == Col("stg_orders", "amount"));
        Assert.Equal("AGGREGATION", edge.TransformationSubtype);
        Assert.Equal(6, Graph.EdgeCount);
    }

    [Fact]
    public void Tracing_a_dataset_traces_every_column_it_has()
    {
        var trace = Graph.TraceDataset(EntityRef.Dataset("shop", "stg_orders"), LineageDirection.Upstream, 1);

        Assert.Equal(2, trace.Start.Count);
        Assert.Equal(["raw_orders.amount_cents", "raw_orders.id"], trace.Upstream.Select(c => $"{c.Column.Dataset.Name}.{c.Column.Field}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_column_without_lineage_has_an_empty_trace()
    {
        var trace = Graph.Trace(Col("orders", "customer"), LineageDirection.Both, 3);

        Assert.Empty(trace.Upstream);
        Assert.Empty(trace.Downstream);
        Assert.Empty(trace.Edges);
    }
}
