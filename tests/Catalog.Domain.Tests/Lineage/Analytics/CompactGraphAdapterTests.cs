using Catalog.Domain.Lineage.Analytics;
using Catalog.Domain.Lineage.Graph;
using Catalog.Domain.Tests.Lineage.Graph;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Catalog.Domain.Tests.Lineage.Analytics;

public class CompactGraphAdapterTests
{
    private static string Edges(IEnumerable<SEdge<int>> edges, TestGraph g) =>
        string.Join(" ", edges.Select(e => $"{g.Name(e.Source)}>{g.Name(e.Target)}").Order(StringComparer.Ordinal));

    [Fact]
    public void Out_and_in_edges_follow_the_flow_of_data()
    {
        var g = new TestGraph("a>b a>c b>c c>d");
        var adapter = new CompactGraphAdapter(g.Graph);

        Assert.Equal("a>b a>c", Edges(adapter.OutEdges(g["a"]), g));
        Assert.Equal("a>c b>c", Edges(adapter.InEdges(g["c"]), g));
        Assert.Equal(3, adapter.Degree(g["c"]));
        Assert.Equal(4, adapter.VertexCount);
        Assert.Equal(4, adapter.EdgeCount);
        Assert.Equal("a>b a>c b>c c>d", Edges(adapter.Edges, g));
        Assert.True(adapter.ContainsEdge(g["b"], g["c"]));
        Assert.False(adapter.ContainsEdge(g["c"], g["b"]));
    }

    [Fact]
    public void Reversed_view_walks_upstream()
    {
        var g = new TestGraph("a>b b>c");
        var up = new CompactGraphAdapter(g.Graph).Reversed;

        Assert.Equal("c>b", Edges(up.OutEdges(g["c"]), g));
        Assert.True(up.ContainsEdge(g["c"], g["b"]));
        Assert.False(up.ContainsEdge(g["b"], g["c"]));
        Assert.Equal(["c", "b", "a"], up.TopologicalSort().Select(g.Name));
    }

    [Fact]
    public void A_vertex_outside_the_graph_is_reported_not_thrown_for_try_methods()
    {
        var g = new TestGraph("a>b");
        var adapter = new CompactGraphAdapter(g.Graph);

        Assert.False(adapter.TryGetOutEdges(7, out var edges));
        Assert.Empty(edges);
        Assert.False(adapter.ContainsVertex(-1));
        Assert.Throws<VertexNotFoundException>(() => adapter.OutEdges(7).ToList());
    }

    [Fact]
    public void QuikGraph_algorithms_give_the_same_answers_on_the_adapter_as_on_its_own_graph_for_a_generated_lineage()
    {
        var (compact, edges) = Generated(nodes: 2_000, edges: 6_000, seed: 17);
        var own = edges.ToBidirectionalGraph<int, SEdge<int>>(allowParallelEdges: false);
        own.AddVertexRange(Enumerable.Range(0, compact.NodeCount));
        var adapter = new CompactGraphAdapter(compact);

        var ownComponents = new Dictionary<int, int>();
        var adapterComponents = new Dictionary<int, int>();
        var ownCount = own.StronglyConnectedComponents(ownComponents);
        var adapterCount = adapter.StronglyConnectedComponents(adapterComponents);

        Assert.Equal(ownCount, adapterCount);
        Assert.True(adapterCount < compact.NodeCount, "the generated graph has cycles, so some components hold several nodes");
        Assert.Equal(Partition(ownComponents), Partition(adapterComponents));
        foreach (var node in new[] { 0, 1, 500, 1_999 })
        {
            Assert.Equal(own.OutDegree(node), adapter.OutDegree(node));
            Assert.Equal(own.InDegree(node), adapter.InDegree(node));
        }
    }

    // Components as sets of nodes, independent of the numbers each run gives them.
    private static string Partition(Dictionary<int, int> components) =>
        string.Join("|", components.GroupBy(p => p.Value).Select(c => string.Join(",", c.Select(p => p.Key).Order())).Order(StringComparer.Ordinal));

    /// <summary>A seeded lineage-shaped graph: mostly forward edges between nearby nodes, a few back edges (cycles).</summary>
    internal static (CompactGraph Graph, List<SEdge<int>> Edges) Generated(int nodes, int edges, int seed)
    {
        var random = new Random(seed);
        var list = new List<SEdge<int>>();
        var seen = new HashSet<(int, int)>();
        while (list.Count < edges)
        {
            var from = random.Next(nodes);
            var to = random.NextDouble() < 0.01 ? Math.Max(0, from - 1 - random.Next(20)) : Math.Min(nodes - 1, from + 1 + random.Next(30));
            if (from != to && seen.Add((from, to))) list.Add(new SEdge<int>(from, to));
        }
        return (CompactGraph.Build(nodes, list.Select(e => e.Source).ToArray(), list.Select(e => e.Target).ToArray()), list);
    }
}
