using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Catalog.Domain.Lineage.Analytics;
using Catalog.Domain.Lineage.Graph;

namespace Catalog.Benchmarks.Lineage;

/// <summary>
/// QuikGraph analytics over the compact snapshot at 1,000,000 nodes / 5,000,000 edges (the same seeded graph as
/// <see cref="LineageTraversalBenchmarks"/>): strongly connected components of the whole graph, why-late for a
/// typical late dataset, shortest path (the bidirectional search; QuikGraph's Dijkstra, 1-15 s a query here, overran
/// BenchmarkDotNet's in-process time limit and is left out), and the
/// depth-3 traversal as the same-run reference. Each iteration is one query from the next start node.
/// Run: dotnet run -c Release --project tests/Catalog.Benchmarks -- --filter '*LineageAnalyticsBenchmarks*' '*LineageSccBenchmarks*'
/// (the config is already in-process; do not add --inProcess, which adds a second, default job).
/// </summary>
[Config(typeof(Config))]
public class LineageAnalyticsBenchmarks
{
    private LineageGraph graph = LineageGraph.Empty;
    private int[] lateDatasets = [];
    private (int From, int To)[] paths = [];
    private Func<int, bool> isJob = _ => false;
    private int next;

    [Params(1_000_000)] public int Nodes { get; set; }
    [Params(5_000_000)] public int Edges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        graph = GeneratedLineage.Build(Nodes, Edges, seed: 20261121);
        isJob = graph.KindFilter(["job"]);
        var datasets = graph.KindFilter(["dataset"]);
        // "Typical late dataset": a dataset in the marts (upper layers), so its upstream is a deep, wide pipeline.
        lateDatasets = GeneratedLineage.TypicalNodes(graph, 4096, seed: 7).Where(n => datasets(n) && n > Nodes / 2).Take(512).ToArray();
        paths = GeneratedLineage.TypicalNodes(graph, 512, seed: 7).Select(s => (s, Downstream(s, 6))).Where(p => p.Item2 >= 0).ToArray();

        var sizes = Explain(lateDatasets[0]);
        Console.WriteLine($"// why-late sample: upstream problems {sizes.Problems.Count}, critical path {sizes.CriticalPath.Count} steps, condensed cycles {sizes.CondensedCycles}, truncated {sizes.Truncated}");
    }

    // Expected durations and problems derived from the node number: deterministic, about 2% of jobs with a problem.
    private LateExplanation Explain(int target) =>
        WhyLate.Explain(graph.Topology, target, n => new NodeTiming(isJob(n) ? 5 + n % 55 : 0, n % 97 == 0 ? LateCause.RanLong : LateCause.None), isJob, maxNodes: 50_000);

    private int Downstream(int start, int depth)
    {
        var reached = LineageTraversal.Traverse(graph.Topology, start, new TraversalOptions { Direction = LineageDirection.Downstream, MaxDepth = depth, DetectCycles = false }).Downstream;
        return reached.LastOrDefault(n => n.Depth == depth) is { Depth: var d } far && d == depth ? far.Node : -1;
    }

    [Benchmark(Description = "why-late: upstream walk (cap 50,000), condense, critical path")]
    public int WhyLateQuery() => Explain(lateDatasets[next++ % lateDatasets.Length]).CriticalPath.Count;

    [Benchmark(Description = "shortest path, 6 hops apart (bidirectional BFS)")]
    public int Path()
    {
        var (from, to) = paths[next++ % paths.Length];
        return ShortestPath.Find(graph.Topology, from, to)?.Count ?? 0;
    }

    [Benchmark(Baseline = true, Description = "reference: depth-3 both ways (cap 2,000)")]
    public int Depth3() => LineageTraversal.Traverse(graph.Topology, lateDatasets[next++ % lateDatasets.Length],
        new TraversalOptions { Direction = LineageDirection.Both, MaxDepth = 3, MaxNodes = 2_000 }).Edges.Count;

    internal sealed class Config : ManualConfig
    {
        public Config() : this(warmups: 3, iterations: 60) { }

        public Config(int warmups, int iterations)
        {
            // In-process: BenchmarkDotNet's generated project cannot restore the portal's packages from the registry copy here.
            AddJob(Job.Default.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithWarmupCount(warmups).WithIterationCount(iterations).WithInvocationCount(1).WithUnrollFactor(1).WithGcServer(false));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(Perfolizer.Horology.TimeUnit.Millisecond));
        }
    }
}

/// <summary>
/// Strongly connected components of the whole 1 M / 5 M graph: seconds per run, so few iterations. Memory: the
/// allocation column (QuikGraph's own per-vertex dictionaries; the adapter itself allocates one enumerator per vertex).
/// </summary>
[Config(typeof(SccConfig))]
public class LineageSccBenchmarks
{
    private LineageGraph graph = LineageGraph.Empty;

    [Params(1_000_000)] public int Nodes { get; set; }
    [Params(5_000_000)] public int Edges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        graph = GeneratedLineage.Build(Nodes, Edges, seed: 20261121);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var cycles = LineageCycles.All(graph.Topology);
        watch.Stop();
        Console.WriteLine($"// SCC: {cycles.Count:N0} cycles, {cycles.Sum(c => c.Length):N0} nodes on cycles, largest {cycles.FirstOrDefault()?.Length ?? 0:N0}; " +
                          $"first run {watch.Elapsed.TotalSeconds:F2} s, allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0:F0} MB, graph arrays {graph.MemoryBytes / 1048576.0:F1} MB");
    }

    [Benchmark(Description = "SCC over the whole graph (QuikGraph over the adapter)")]
    public int StronglyConnected() => LineageCycles.All(graph.Topology).Count;

    [Benchmark(Baseline = true, Description = "reference: depth-3 both ways from node 500,000 (cap 2,000)")]
    public int Depth3() => LineageTraversal.Traverse(graph.Topology, 500_000, new TraversalOptions { Direction = LineageDirection.Both, MaxDepth = 3, MaxNodes = 2_000 }).Edges.Count;

    private sealed class SccConfig : ManualConfig
    {
        public SccConfig()
        {
            foreach (var job in new LineageAnalyticsBenchmarks.Config(warmups: 1, iterations: 5).GetJobs()) AddJob(job);
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(Perfolizer.Horology.TimeUnit.Millisecond));
        }
    }
}
