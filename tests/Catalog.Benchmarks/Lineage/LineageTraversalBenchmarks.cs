using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Catalog.Domain.Lineage.Graph;
using Catalog.Domain.Lineage.Impact;

namespace Catalog.Benchmarks.Lineage;

/// <summary>
/// Lineage queries on the in-memory graph at Spotify scale: 1,000,000 nodes, 5,000,000 edges (seeded). Each
/// iteration is one query from the next "typical" start node, so the P50/P95 columns are per-query latencies.
/// Run: dotnet run -c Release --project tests/Catalog.Benchmarks -- --filter '*LineageTraversalBenchmarks*'
/// </summary>
[Config(typeof(Config))]
public class LineageTraversalBenchmarks
{
    private LineageGraph graph = LineageGraph.Empty;
    private int[] starts = [];
    private (int From, int To)[] paths = [];
    private Func<int, bool> isDataset = _ => true;
    private int next;

    [Params(1_000_000)] public int Nodes { get; set; }
    [Params(5_000_000)] public int Edges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        graph = GeneratedLineage.Build(Nodes, Edges, seed: 20261121);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        starts = GeneratedLineage.TypicalNodes(graph, 4096, seed: 7);
        isDataset = graph.KindFilter(["dataset"]);
        paths = starts.Take(512).Select(s => (s, PathTarget(s))).Where(p => p.Item2 >= 0).ToArray();
        Console.WriteLine($"// Lineage graph: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} distinct edges; " +
                          $"arrays {graph.MemoryBytes / 1048576.0:F1} MB ({(double)graph.MemoryBytes / graph.NodeCount:F1} B/node, " +
                          $"{(double)graph.Topology.AdjacencyBytes / graph.EdgeCount:F1} B/edge incl. offsets); managed heap growth {(after - before) / 1048576.0:F1} MB");
        var d3 = starts.Take(200).Select(s => Traverse(s, 3).Downstream.Count + Traverse(s, 3).Upstream.Count).Order().ToArray();
        Console.WriteLine($"// Depth-3 result size from typical nodes: median {d3[d3.Length / 2]}, p95 {d3[(int)(d3.Length * 0.95)]} nodes");
    }

    private int Start() => starts[next++ % starts.Length];

    private TraversalResult Traverse(int start, int depth) =>
        LineageTraversal.Traverse(graph.Topology, start, new TraversalOptions { Direction = LineageDirection.Both, MaxDepth = depth, MaxNodes = 2_000 });

    // A node six hops downstream, so path queries have something to find.
    private int PathTarget(int start)
    {
        var reached = LineageTraversal.Traverse(graph.Topology, start, new TraversalOptions { Direction = LineageDirection.Downstream, MaxDepth = 6 }).Downstream;
        return reached.LastOrDefault(n => n.Depth == 6) is { Depth: 6 } far ? far.Node : -1;
    }

    [Benchmark(Description = "depth-1 both ways")]
    public int Depth1() => Traverse(Start(), 1).Edges.Count;

    [Benchmark(Description = "depth-3 both ways")]
    public int Depth3() => Traverse(Start(), 3).Edges.Count;

    [Benchmark(Description = "depth-10 both ways (capped at 2,000 nodes, as the API)")]
    public int Depth10() => Traverse(Start(), 10).Edges.Count;

    [Benchmark(Description = "impact: all downstream datasets (cap 100,000)")]
    public int Impact() => ImpactAnalysis.Downstream(graph.Topology, Start(), isDataset, maxNodes: 100_000).Count;

    [Benchmark(Description = "shortest path, 6 hops apart")]
    public int Path()
    {
        var (from, to) = paths[next++ % paths.Length];
        return ShortestPath.Find(graph.Topology, from, to)?.Count ?? 0;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In-process: BenchmarkDotNet's generated project cannot restore the portal's packages from the registry copy here.
            AddJob(Job.Default.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithWarmupCount(20).WithIterationCount(400).WithInvocationCount(1).WithUnrollFactor(1).WithGcServer(false));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(Perfolizer.Horology.TimeUnit.Millisecond));
        }
    }
}
