using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Graph;

public class LineageTraversalTests
{
    private static TraversalResult Walk(TestGraph g, string start, LineageDirection direction, int depth, Func<int, bool>? include = null, int maxNodes = int.MaxValue) =>
        LineageTraversal.Traverse(g.Graph, g[start], new TraversalOptions { Direction = direction, MaxDepth = depth, Include = include, MaxNodes = maxNodes });

    [Fact]
    public void Downstream_walk_stops_at_the_depth_limit()
    {
        var g = new TestGraph("a>b b>c c>d d>e");

        var result = Walk(g, "a", LineageDirection.Downstream, 2);

        Assert.Equal("b@1 c@2", g.Names(result.Downstream));
        Assert.Empty(result.Upstream);
        Assert.True(result.Downstream.Single(n => n.Node == g["c"]).HasMore);
        Assert.False(result.Downstream.Single(n => n.Node == g["b"]).HasMore);
    }

    [Fact]
    public void Depth_zero_reports_only_the_start()
    {
        var g = new TestGraph("a>b b>c");

        var result = Walk(g, "b", LineageDirection.Both, 0);

        Assert.Empty(result.Upstream);
        Assert.Empty(result.Downstream);
        Assert.Equal([g["b"]], result.Nodes());
    }

    [Fact]
    public void Upstream_walk_follows_edges_backwards()
    {
        var g = new TestGraph("a>b b>c x>c c>d");

        var result = Walk(g, "c", LineageDirection.Upstream, 5);

        Assert.Equal("a@2 b@1 x@1", g.Names(result.Upstream));
        Assert.Empty(result.Downstream);
    }

    [Fact]
    public void Both_directions_do_not_pull_in_siblings()
    {
        // s is a sibling of c (both read a): it is neither upstream nor downstream of c.
        var g = new TestGraph("a>c a>s c>d");

        var result = Walk(g, "c", LineageDirection.Both, 5);

        Assert.Equal("a@1", g.Names(result.Upstream));
        Assert.Equal("d@1", g.Names(result.Downstream));
        Assert.DoesNotContain(g["s"], result.Nodes());
    }

    [Fact]
    public void A_cycle_is_walked_once_and_terminates_without_a_depth_limit()
    {
        var g = new TestGraph("a>b b>c c>a c>d");

        var result = Walk(g, "a", LineageDirection.Downstream, int.MaxValue);

        Assert.Equal("b@1 c@2 d@3", g.Names(result.Downstream));
        Assert.Contains((g["c"], g["a"]), result.Edges);
    }

    [Fact]
    public void A_node_on_a_cycle_through_the_start_is_both_upstream_and_downstream()
    {
        var g = new TestGraph("a>b b>a");

        var result = Walk(g, "a", LineageDirection.Both, 3);

        Assert.Equal("b@1", g.Names(result.Upstream));
        Assert.Equal("b@1", g.Names(result.Downstream));
        Assert.Equal(2, result.Nodes().Count());
    }

    [Fact]
    public void Self_loops_do_not_trap_the_walk()
    {
        var g = new TestGraph("a>a a>b");

        var result = Walk(g, "a", LineageDirection.Downstream, 10);

        Assert.Equal("b@1", g.Names(result.Downstream));
    }

    [Fact]
    public void A_diamond_reports_the_join_once_at_its_shortest_depth()
    {
        var g = new TestGraph("a>b a>c b>d c>x x>d d>e");

        var result = Walk(g, "a", LineageDirection.Downstream, 10);

        Assert.Equal("b@1 c@1 d@2 e@3 x@2", g.Names(result.Downstream));
        Assert.Equal("a>b a>c b>d c>x d>e x>d", g.Edges(result.Edges));
    }

    [Fact]
    public void Disconnected_parts_are_never_reached()
    {
        var g = new TestGraph("a>b b>c p>q q>r lonely");

        var result = Walk(g, "b", LineageDirection.Both, 10);

        Assert.Equal(new[] { "a", "b", "c" }, result.Nodes().Select(g.Name).Order());
        var alone = Walk(g, "lonely", LineageDirection.Both, 10);
        Assert.Equal([g["lonely"]], alone.Nodes());
        Assert.Empty(alone.Edges);
    }

    [Fact]
    public void Kind_filter_reports_datasets_and_draws_edges_through_jobs()
    {
        // dataset -> job -> dataset chains; jobs start with j.
        var g = new TestGraph("raw>j1 j1>clean clean>j2 j2>report clean>j3 j3>extract");
        bool IsDataset(int n) => !g.Name(n).StartsWith('j');

        var result = Walk(g, "raw", LineageDirection.Downstream, 4, IsDataset);

        Assert.Equal("clean@2 report@4 extract@4", string.Join(" ", result.Downstream.Select(n => $"{g.Name(n.Node)}@{n.Depth}")));
        Assert.Equal("clean>extract clean>report raw>clean", g.Edges(result.Edges));
    }

    [Fact]
    public void Kind_filter_does_not_draw_edges_through_nodes_beyond_the_depth_limit()
    {
        var g = new TestGraph("raw>j1 j1>clean raw>j9 j9>far");
        bool IsDataset(int n) => !g.Name(n).StartsWith('j');

        // depth 1 reaches j1 and j9 but neither dataset behind them.
        var result = Walk(g, "raw", LineageDirection.Downstream, 1, IsDataset);

        Assert.Empty(result.Downstream);
        Assert.Empty(result.Edges);
    }

    [Fact]
    public void Node_cap_truncates_the_result_and_says_so()
    {
        var g = new TestGraph("a>b a>c a>d a>e a>f");

        var result = Walk(g, "a", LineageDirection.Downstream, 1, maxNodes: 3);

        Assert.Equal(3, result.Downstream.Count);
        Assert.True(result.Truncated);
        Assert.False(Walk(g, "a", LineageDirection.Downstream, 1, maxNodes: 5).Truncated);
    }

    [Fact]
    public void Edges_can_be_left_out_when_only_the_nodes_matter()
    {
        var g = new TestGraph("a>b b>c");

        var result = LineageTraversal.Traverse(g.Graph, g["a"], new TraversalOptions { Direction = LineageDirection.Downstream, MaxDepth = 5, IncludeEdges = false });

        Assert.Equal("b@1 c@2", g.Names(result.Downstream));
        Assert.Empty(result.Edges);
    }

    [Fact]
    public void Start_outside_the_graph_is_rejected()
    {
        var g = new TestGraph("a>b");

        Assert.Throws<ArgumentOutOfRangeException>(() => LineageTraversal.Traverse(g.Graph, 7, new TraversalOptions()));
    }
}
