using Catalog.Domain.Lineage.Analytics;
using Catalog.Domain.Lineage.Graph;
using Catalog.Domain.Tests.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Analytics;

public class LineageCyclesTests
{
    private static string Cycles(TestGraph g, IEnumerable<int[]> cycles) =>
        string.Join(" | ", cycles.Select(c => string.Join(",", c.Select(g.Name))));

    [Fact]
    public void Every_cycle_of_the_graph_is_listed_largest_first_and_acyclic_parts_are_not()
    {
        var g = new TestGraph("a>b b>c c>a c>d d>e e>d x>y y>z z>x z>w");

        Assert.Equal("a,b,c | x,y,z | d,e", Cycles(g, LineageCycles.All(g.Graph)));
    }

    [Fact]
    public void A_job_that_reads_what_it_writes_is_a_cycle_of_one()
    {
        var g = new TestGraph("a>j j>j j>b");

        Assert.Equal("j", Cycles(g, LineageCycles.All(g.Graph)));
    }

    [Fact]
    public void A_dag_has_no_cycles()
    {
        var g = new TestGraph("a>b a>c b>d c>d d>e");

        Assert.Empty(LineageCycles.All(g.Graph));
    }

    [Fact]
    public void Within_a_region_only_cycles_that_close_inside_it_count()
    {
        var g = new TestGraph("a>b b>c c>d d>a x>y y>x");

        Assert.Empty(LineageCycles.Within(g.Graph, [g["a"], g["b"], g["c"]]));
        Assert.Equal("x,y", Cycles(g, LineageCycles.Within(g.Graph, [g["a"], g["x"], g["y"]])));
    }

    [Fact]
    public void A_traversal_that_meets_a_backfill_reports_the_cycle_instead_of_stopping_silently()
    {
        // raw -> etl -> mart -> report -> revenue -> backfill -> raw: the shop's backfill loop.
        var g = new TestGraph("raw>etl etl>mart mart>report report>revenue revenue>backfill backfill>raw mart>ledger");

        var result = LineageTraversal.Traverse(g.Graph, g["mart"], new TraversalOptions { Direction = LineageDirection.Downstream, MaxDepth = 10 });

        Assert.Equal("backfill,etl,mart,raw,report,revenue", string.Join(",", result.Cycles.Single().Select(g.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_traversal_that_stops_before_the_cycle_closes_reports_none()
    {
        var g = new TestGraph("raw>etl etl>mart mart>report report>raw");

        var shallow = LineageTraversal.Traverse(g.Graph, g["raw"], new TraversalOptions { Direction = LineageDirection.Downstream, MaxDepth = 2 });
        var deep = LineageTraversal.Traverse(g.Graph, g["raw"], new TraversalOptions { Direction = LineageDirection.Downstream, MaxDepth = 4 });

        Assert.Empty(shallow.Cycles);
        Assert.Single(deep.Cycles);
    }

    [Fact]
    public void Cycles_are_found_through_jobs_left_out_of_a_dataset_only_view()
    {
        var g = new TestGraph("d1>j1 j1>d2 d2>j2 j2>d1");
        var datasets = new HashSet<int> { g["d1"], g["d2"] };

        var result = LineageTraversal.Traverse(g.Graph, g["d1"], new TraversalOptions { Direction = LineageDirection.Both, MaxDepth = 4, Include = datasets.Contains });

        Assert.Equal(4, result.Cycles.Single().Length);
    }

    [Fact]
    public void Detection_can_be_turned_off()
    {
        var g = new TestGraph("a>b b>a");

        Assert.Empty(LineageTraversal.Traverse(g.Graph, g["a"], new TraversalOptions { MaxDepth = 3, DetectCycles = false }).Cycles);
    }

    [Fact]
    public void On_a_generated_lineage_every_node_of_a_cycle_reaches_every_other()
    {
        var (graph, _) = CompactGraphAdapterTests.Generated(nodes: 3_000, edges: 9_000, seed: 5);

        var cycles = LineageCycles.All(graph);

        Assert.NotEmpty(cycles);
        foreach (var cycle in cycles.Take(5))
        {
            var reached = LineageTraversal.Traverse(graph, cycle[0], new TraversalOptions { Direction = LineageDirection.Downstream, MaxDepth = 10_000, DetectCycles = false })
                .Downstream.Select(n => n.Node).ToHashSet();
            Assert.All(cycle.Skip(1), node => Assert.Contains(node, reached));
            Assert.Contains(graph.Predecessors(cycle[0]).ToArray(), p => reached.Contains(p));
        }
    }
}
