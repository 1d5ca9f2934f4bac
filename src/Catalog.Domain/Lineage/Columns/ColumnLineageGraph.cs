using Catalog.Domain.Entities;
using Catalog.Domain.Lineage.Graph;

namespace Catalog.Domain.Lineage.Columns;

/// <summary>
/// Column-level lineage: columns are nodes, <see cref="ColumnLineageEdge"/>s point from source to target
/// column. Answers which source columns feed a column and what a column feeds, transitively, with depth,
/// cycle-safe, over the same compact adjacency as the entity graph.
/// </summary>
public sealed class ColumnLineageGraph
{
    private readonly List<ColumnRef> columns;
    private readonly Dictionary<ColumnRef, int> indexes;
    private readonly Dictionary<(int, int), ColumnLineageEdge> details;
    private readonly CompactGraph topology;

    private ColumnLineageGraph(List<ColumnRef> columns, Dictionary<ColumnRef, int> indexes, Dictionary<(int, int), ColumnLineageEdge> details, CompactGraph topology)
    {
        this.columns = columns;
        this.indexes = indexes;
        this.details = details;
        this.topology = topology;
    }

    public int ColumnCount => columns.Count;
    public int EdgeCount => topology.EdgeCount;

    public static ColumnLineageGraph Build(IEnumerable<ColumnLineageEdge> edges)
    {
        var columns = new List<ColumnRef>();
        var indexes = new Dictionary<ColumnRef, int>();
        var details = new Dictionary<(int, int), ColumnLineageEdge>();
        var from = new List<int>();
        var to = new List<int>();
        int IndexOf(ColumnRef column)
        {
            if (indexes.TryGetValue(column, out var index)) return index;
            indexes.Add(column, columns.Count);
            columns.Add(column);
            return columns.Count - 1;
        }
        foreach (var edge in edges)
        {
            var pair = (IndexOf(edge.From), IndexOf(edge.To));
            if (!details.TryAdd(pair, edge)) continue;
            from.Add(pair.Item1);
            to.Add(pair.Item2);
        }
        return new ColumnLineageGraph(columns, indexes, details, CompactGraph.Build(columns.Count, [.. from], [.. to]));
    }

    /// <summary>Columns feeding (upstream) and fed by (downstream) one column, up to <paramref name="maxDepth"/> hops.</summary>
    public ColumnTrace Trace(ColumnRef column, LineageDirection direction, int maxDepth) =>
        Trace([column], direction, maxDepth);

    /// <summary>The same for every column of a dataset that has column lineage.</summary>
    public ColumnTrace TraceDataset(EntityRef dataset, LineageDirection direction, int maxDepth) =>
        Trace(columns.Where(c => c.Dataset == dataset).ToList(), direction, maxDepth);

    private ColumnTrace Trace(IReadOnlyList<ColumnRef> starts, LineageDirection direction, int maxDepth)
    {
        var upstream = new Dictionary<int, int>();
        var downstream = new Dictionary<int, int>();
        var startIndexes = starts.Where(indexes.ContainsKey).Select(c => indexes[c]).ToList();
        foreach (var start in startIndexes)
        {
            var result = LineageTraversal.Traverse(topology, start, new TraversalOptions { Direction = direction, MaxDepth = maxDepth });
            Merge(upstream, result.Upstream);
            Merge(downstream, result.Downstream);
        }
        var nodes = new HashSet<int>(startIndexes.Concat(upstream.Keys).Concat(downstream.Keys));
        var edges = nodes.SelectMany(n => topology.Successors(n).ToArray().Where(nodes.Contains).Select(t => details[(n, t)])).ToList();
        return new ColumnTrace(
            starts,
            upstream.Select(p => new TracedColumn(columns[p.Key], p.Value)).OrderBy(c => c.Depth).ThenBy(c => c.Column.ToString(), StringComparer.Ordinal).ToList(),
            downstream.Select(p => new TracedColumn(columns[p.Key], p.Value)).OrderBy(c => c.Depth).ThenBy(c => c.Column.ToString(), StringComparer.Ordinal).ToList(),
            edges);
    }

    private static void Merge(Dictionary<int, int> into, IEnumerable<ReachedNode> reached)
    {
        foreach (var node in reached)
            if (!into.TryGetValue(node.Node, out var depth) || node.Depth < depth) into[node.Node] = node.Depth;
    }
}

/// <summary>A column reached from the traced column(s), at its shortest distance.</summary>
public readonly record struct TracedColumn(ColumnRef Column, int Depth);

/// <summary>What feeds the traced columns, what they feed, and the edges among all of them.</summary>
public sealed record ColumnTrace(IReadOnlyList<ColumnRef> Start, IReadOnlyList<TracedColumn> Upstream, IReadOnlyList<TracedColumn> Downstream, IReadOnlyList<ColumnLineageEdge> Edges);
