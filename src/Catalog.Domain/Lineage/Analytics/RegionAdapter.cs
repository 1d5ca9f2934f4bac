using Catalog.Domain.Lineage.Graph;
using QuikGraph;

namespace Catalog.Domain.Lineage.Analytics;

/// <summary>
/// A region of a <see cref="CompactGraph"/> (the nodes a bounded traversal walked) seen as a QuikGraph vertex list
/// graph: only its nodes, only edges between them. QuikGraph's algorithms initialise every vertex they are given,
/// so a region-sized question (cycles met by one traversal, the critical path above one dataset) costs the region,
/// not the million nodes of the whole graph. Nothing is copied but the member list.
/// </summary>
public sealed class RegionAdapter : IVertexListGraph<int, SEdge<int>>
{
    private readonly CompactGraph graph;
    private readonly HashSet<int> members;
    private readonly bool reversed;

    public RegionAdapter(CompactGraph graph, IEnumerable<int> nodes, bool reversed = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodes);
        this.graph = graph;
        this.reversed = reversed;
        members = [];
        foreach (var node in nodes)
        {
            if ((uint)node >= (uint)graph.NodeCount) throw new ArgumentOutOfRangeException(nameof(nodes), node, "Node is not in the graph.");
            members.Add(node);
        }
    }

    public bool IsDirected => true;
    public bool AllowParallelEdges => false;
    public bool IsVerticesEmpty => members.Count == 0;
    public int VertexCount => members.Count;
    public IEnumerable<int> Vertices => members;
    public bool ContainsVertex(int vertex) => members.Contains(vertex);

    public bool ContainsEdge(int source, int target) =>
        members.Contains(source) && members.Contains(target) && (reversed ? graph.HasEdge(target, source) : graph.HasEdge(source, target));

    public bool TryGetEdge(int source, int target, out SEdge<int> edge)
    {
        edge = new SEdge<int>(source, target);
        return ContainsEdge(source, target);
    }

    public bool TryGetEdges(int source, int target, out IEnumerable<SEdge<int>> edges)
    {
        edges = ContainsEdge(source, target) ? [new SEdge<int>(source, target)] : [];
        return members.Contains(source);
    }

    public bool IsOutEdgesEmpty(int vertex) => OutDegree(vertex) == 0;

    public int OutDegree(int vertex)
    {
        var count = 0;
        foreach (var target in Out(Check(vertex))) if (members.Contains(target)) count++;
        return count;
    }

    public IEnumerable<SEdge<int>> OutEdges(int vertex) => Incident(Check(vertex));

    public bool TryGetOutEdges(int vertex, out IEnumerable<SEdge<int>> edges)
    {
        edges = members.Contains(vertex) ? Incident(vertex) : [];
        return members.Contains(vertex);
    }

    public SEdge<int> OutEdge(int vertex, int index) => OutEdges(vertex).ElementAt(index);

    private ReadOnlySpan<int> Out(int vertex) => reversed ? graph.Predecessors(vertex) : graph.Successors(vertex);

    private int Check(int vertex) =>
        members.Contains(vertex) ? vertex : throw new VertexNotFoundException($"Node {vertex} is not in the region.");

    private IEnumerable<SEdge<int>> Incident(int vertex)
    {
        var count = Out(vertex).Length;
        for (var i = 0; i < count; i++)
        {
            var target = Out(vertex)[i];
            if (members.Contains(target)) yield return new SEdge<int>(vertex, target);
        }
    }
}
