using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Graph;

public class CompactGraphTests
{
    [Fact]
    public void Successors_and_predecessors_mirror_each_other()
    {
        var g = new TestGraph("a>b a>c b>c c>d");

        Assert.Equal([g["b"], g["c"]], g.Graph.Successors(g["a"]).ToArray());
        Assert.Equal([g["a"], g["b"]], g.Graph.Predecessors(g["c"]).ToArray());
        Assert.True(g.Graph.Predecessors(g["a"]).IsEmpty);
        Assert.True(g.Graph.Successors(g["d"]).IsEmpty);
    }

    [Fact]
    public void Parallel_edges_are_stored_once()
    {
        var g = new TestGraph("a>b a>b b>a a>b");

        Assert.Equal(2, g.Graph.EdgeCount);
        Assert.True(g.Graph.HasEdge(g["a"], g["b"]));
        Assert.True(g.Graph.HasEdge(g["b"], g["a"]));
    }

    [Fact]
    public void Edge_to_a_node_outside_the_graph_is_rejected_with_the_index()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CompactGraph.Build(2, [0], [5]));
        Assert.Contains("0..1", error.Message);
    }

    [Fact]
    public void Copying_edges_out_gives_back_every_edge()
    {
        var g = new TestGraph("a>b b>c c>a a>c");
        var from = new int[g.Graph.EdgeCount];
        var to = new int[g.Graph.EdgeCount];

        g.Graph.CopyEdges(from, to);

        Assert.Equal(g.Graph.Edges().ToArray(), from.Zip(to).ToArray());
        Assert.Equal("a>b a>c b>c c>a", g.Edges(from.Zip(to)));
    }

    [Fact]
    public void Adjacency_memory_is_two_int_arrays_per_direction()
    {
        var g = new TestGraph("a>b b>c");

        // (3 + 1 offsets + 2 targets) per direction, 4 bytes each.
        Assert.Equal(2 * (4 + 2) * 4, g.Graph.AdjacencyBytes);
    }
}
