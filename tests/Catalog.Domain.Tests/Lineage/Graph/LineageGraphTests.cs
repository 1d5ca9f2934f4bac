using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Graph;

public class LineageGraphTests
{
    private static LineageGraph Sample() => new LineageGraphBuilder()
        .AddNode(30, "dataset").AddNode(10, "dataset").AddNode(20, "job").AddNode(10, "dataset")
        .AddEdge(10, 20).AddEdge(20, 30)
        .Build();

    [Fact]
    public void Nodes_are_indexed_in_entity_id_order_whatever_order_they_arrive_in()
    {
        var graph = Sample();

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal([10L, 20L, 30L], Enumerable.Range(0, 3).Select(graph.EntityId));
        Assert.Equal("job", graph.KindOf(graph.IndexOf(20)));
        Assert.Equal(-1, graph.IndexOf(15));
    }

    [Fact]
    public void Edge_to_an_unknown_entity_is_rejected_naming_it()
    {
        var builder = new LineageGraphBuilder().AddNode(1, "dataset").AddEdge(1, 99);

        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("99", error.Message);
    }

    [Fact]
    public void Kind_filter_accepts_only_the_named_kinds()
    {
        var graph = Sample();
        var datasets = graph.KindFilter(["dataset", "no-such-kind"]);

        Assert.True(datasets(graph.IndexOf(10)));
        Assert.False(datasets(graph.IndexOf(20)));
    }

    [Fact]
    public void Changes_add_new_nodes_between_existing_ids_and_keep_old_edges()
    {
        var graph = Sample();

        var changed = graph.WithChanges([new LineageEdgeChange(new(30, "dataset"), new(25, "job"), Live: true)]);

        Assert.Equal([10L, 20L, 25L, 30L], Enumerable.Range(0, 4).Select(changed.EntityId));
        Assert.True(changed.Topology.HasEdge(changed.IndexOf(10), changed.IndexOf(20)));
        Assert.True(changed.Topology.HasEdge(changed.IndexOf(20), changed.IndexOf(30)));
        Assert.True(changed.Topology.HasEdge(changed.IndexOf(30), changed.IndexOf(25)));
        Assert.Equal(3, graph.NodeCount);
    }

    [Fact]
    public void Changes_remove_edges_that_are_no_longer_live()
    {
        var graph = Sample();

        var changed = graph.WithChanges([new LineageEdgeChange(new(20, "job"), new(30, "dataset"), Live: false)]);

        Assert.Equal(1, changed.EdgeCount);
        Assert.False(changed.Topology.HasEdge(changed.IndexOf(20), changed.IndexOf(30)));
        Assert.Equal(2, graph.EdgeCount);
    }

    [Fact]
    public void Removing_an_edge_between_entities_the_graph_never_had_changes_nothing()
    {
        var graph = Sample();

        var changed = graph.WithChanges([new LineageEdgeChange(new(98, "dataset"), new(99, "job"), Live: false)]);

        Assert.Equal(3, changed.NodeCount);
        Assert.Equal(2, changed.EdgeCount);
    }

    [Fact]
    public void Changes_the_graph_already_reflects_return_the_same_graph()
    {
        var graph = Sample();

        var changed = graph.WithChanges([
            new LineageEdgeChange(new(10, "dataset"), new(20, "job"), Live: true),
            new LineageEdgeChange(new(30, "dataset"), new(10, "dataset"), Live: false)]);

        Assert.Same(graph, changed);
    }

    [Fact]
    public void Changes_may_bring_a_new_kind()
    {
        var changed = Sample().WithChanges([new LineageEdgeChange(new(5, "event-type"), new(10, "dataset"), Live: true)]);

        Assert.Equal("event-type", changed.KindOf(changed.IndexOf(5)));
        Assert.Equal("dataset", changed.KindOf(changed.IndexOf(10)));
    }

    [Fact]
    public void Memory_counts_node_table_and_adjacency()
    {
        var graph = Sample();

        Assert.Equal(graph.Topology.AdjacencyBytes + 3 * 8 + 3, graph.MemoryBytes);
    }
}
