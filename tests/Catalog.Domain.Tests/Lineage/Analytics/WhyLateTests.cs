using Catalog.Domain.Lineage.Analytics;
using Catalog.Domain.Lineage.Graph;
using Catalog.Domain.Tests.Lineage.Graph;

namespace Catalog.Domain.Tests.Lineage.Analytics;

public class WhyLateTests
{
    private static LateExplanation Explain(TestGraph g, string target, Dictionary<string, NodeTiming> timings) =>
        WhyLate.Explain(g.Graph, g[target], n => timings.GetValueOrDefault(g.Name(n)), n => g.Name(n).StartsWith('j'));

    private static string Path(TestGraph g, LateExplanation e) => string.Join(">", e.CriticalPath.Select(s => g.Name(s.Node)));

    // Two branches into the report's job: the slow one (j_slow, 2 h) decides when the report can be ready.
    private static readonly TestGraph Shop = new("raw>j_fast j_fast>clean raw2>j_slow j_slow>agg clean>j_report agg>j_report j_report>report");

    [Fact]
    public void The_critical_path_is_the_branch_whose_expected_durations_add_up_to_the_most()
    {
        var e = Explain(Shop, "report", new()
        {
            ["j_fast"] = new(10, LateCause.None), ["j_slow"] = new(120, LateCause.None), ["j_report"] = new(15, LateCause.None),
        });

        Assert.Equal("raw2>j_slow>agg>j_report>report", Path(Shop, e));
        Assert.Equal(135, e.CriticalMinutes);
        Assert.Null(e.FirstLate);
    }

    [Fact]
    public void The_first_late_job_on_the_critical_path_is_named_and_every_upstream_problem_is_listed_nearest_first()
    {
        var e = Explain(Shop, "report", new()
        {
            ["j_fast"] = new(10, LateCause.Failed), ["j_slow"] = new(120, LateCause.RanLong), ["j_report"] = new(15, LateCause.StartedLate),
            ["agg"] = new(0, LateCause.LateInput),
        });

        Assert.Equal("j_slow", Shop.Name(e.FirstLate!.Value.Node));
        Assert.Equal(LateCause.RanLong, e.FirstLate.Value.Causes);
        Assert.Equal(["j_report@1", "agg@2", "j_fast@3", "j_slow@3"],
            e.Problems.Select(p => $"{Shop.Name(p.Node)}@{p.Depth}").OrderBy(p => p[^1]).ThenBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void A_late_input_alone_is_named_when_no_job_on_the_path_went_wrong()
    {
        var e = Explain(Shop, "report", new() { ["j_slow"] = new(120, LateCause.None), ["raw2"] = new(0, LateCause.LateInput) });

        Assert.Equal("raw2", Shop.Name(e.FirstLate!.Value.Node));
    }

    [Fact]
    public void A_backfill_loop_upstream_is_condensed_into_one_step_weighing_its_slowest_member()
    {
        var g = new TestGraph("src>j_load j_load>stage stage>j_backfill j_backfill>src stage>j_publish j_publish>out");

        var e = Explain(g, "out", new()
        {
            ["j_load"] = new(30, LateCause.Failed), ["j_backfill"] = new(90, LateCause.None), ["j_publish"] = new(5, LateCause.None),
        });

        Assert.Equal(1, e.CondensedCycles);
        Assert.Equal("j_backfill>j_publish>out", Path(g, e));
        Assert.Equal(4, e.CriticalPath[0].CycleSize);
        Assert.Equal(95, e.CriticalMinutes);
        Assert.Equal(LateCause.Failed, e.FirstLate!.Value.Causes);
    }

    [Fact]
    public void A_dataset_with_no_upstream_is_its_own_critical_path()
    {
        var g = new TestGraph("lonely");

        var e = Explain(g, "lonely", []);

        Assert.Equal("lonely", Path(g, e));
        Assert.Empty(e.Problems);
    }

    [Fact]
    public void On_a_generated_lineage_acyclic_critical_paths_follow_real_edges_and_end_at_the_target()
    {
        var (graph, _) = CompactGraphAdapterTests.Generated(nodes: 3_000, edges: 9_000, seed: 23);
        var random = new Random(9);
        for (var i = 0; i < 20; i++)
        {
            var target = random.Next(graph.NodeCount);
            var e = WhyLate.Explain(graph, target, n => new NodeTiming(n % 7, n % 50 == 0 ? LateCause.RanLong : LateCause.None), n => n % 2 == 1);

            Assert.Equal(target, e.CriticalPath[^1].Node);
            foreach (var (from, to) in e.CriticalPath.Zip(e.CriticalPath.Skip(1)))
                if (from.CycleSize == 1 && to.CycleSize == 1) Assert.True(graph.HasEdge(from.Node, to.Node), $"{from.Node}>{to.Node} is not an edge");
        }
    }
}
