using Catalog.Domain.Lineage.Graph;
using QuikGraph;

namespace Catalog.Domain.Lineage.Analytics;

/// <summary>
/// The <see cref="CompactGraph"/> seen through QuikGraph's graph interfaces, so its algorithms (strongly connected
/// components, condensation, DAG longest paths, topological sorts) run over the snapshot's own arrays: vertices are
/// the dense node indexes, edges are <see cref="SEdge{TVertex}"/> values made on the fly, and nothing is copied.
/// QuikGraph's adjacency graphs cost 145–233 MB at 1 M nodes / 5 M edges (shared/PLATFORM.md); this costs nothing.
/// <see cref="Reversed"/> swaps in and out edges, so an algorithm that walks out edges walks upstream.
/// </summary>
public sealed class CompactGraphAdapter : IBidirectionalGraph<int, SEdge<int>>
{
    private readonly CompactGraph graph;
    private readonly bool reversed;

    public CompactGraphAdapter(CompactGraph graph) : this(graph, reversed: false) { }

    private CompactGraphAdapter(CompactGraph graph, bool reversed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.graph = graph;
        this.reversed = reversed;
    }

    /// <summary>The same graph with every edge turned round (out edges point upstream, against the flow of data).</summary>
    public CompactGraphAdapter Reversed => new(graph, !reversed);

    public CompactGraph Graph => graph;

    public bool IsDirected => true;
    public bool AllowParallelEdges => false;

    public bool IsVerticesEmpty => graph.NodeCount == 0;
    public int VertexCount => graph.NodeCount;
    public IEnumerable<int> Vertices => Enumerable.Range(0, graph.NodeCount);
    public bool ContainsVertex(int vertex) => (uint)vertex < (uint)graph.NodeCount;

    public bool IsEdgesEmpty => graph.EdgeCount == 0;
    public int EdgeCount => graph.EdgeCount;

    public IEnumerable<SEdge<int>> Edges
    {
        get
        {
            for (var node = 0; node < graph.NodeCount; node++)
                foreach (var edge in OutEdges(node)) yield return edge;
        }
    }

    public bool ContainsEdge(SEdge<int> edge) => ContainsEdge(edge.Source, edge.Target);

    public bool ContainsEdge(int source, int target) =>
        ContainsVertex(source) && ContainsVertex(target) && (reversed ? graph.HasEdge(target, source) : graph.HasEdge(source, target));

    public bool TryGetEdge(int source, int target, out SEdge<int> edge)
    {
        edge = new SEdge<int>(source, target);
        return ContainsEdge(source, target);
    }

    public bool TryGetEdges(int source, int target, out IEnumerable<SEdge<int>> edges)
    {
        edges = ContainsEdge(source, target) ? [new SEdge<int>(source, target)] : [];
        return ContainsVertex(source);
    }

    public bool IsOutEdgesEmpty(int vertex) => Out(vertex).IsEmpty;
    public int OutDegree(int vertex) => Out(vertex).Length;
    public IEnumerable<SEdge<int>> OutEdges(int vertex) => Incident(Check(vertex), outgoing: true);
    public SEdge<int> OutEdge(int vertex, int index) => new(vertex, Out(vertex)[index]);

    public bool TryGetOutEdges(int vertex, out IEnumerable<SEdge<int>> edges)
    {
        edges = ContainsVertex(vertex) ? Incident(vertex, outgoing: true) : [];
        return ContainsVertex(vertex);
    }

    public bool IsInEdgesEmpty(int vertex) => In(vertex).IsEmpty;
    public int InDegree(int vertex) => In(vertex).Length;
    public IEnumerable<SEdge<int>> InEdges(int vertex) => Incident(Check(vertex), outgoing: false);
    public SEdge<int> InEdge(int vertex, int index) => new(In(vertex)[index], vertex);
    public int Degree(int vertex) => OutDegree(vertex) + InDegree(vertex);

    public bool TryGetInEdges(int vertex, out IEnumerable<SEdge<int>> edges)
    {
        edges = ContainsVertex(vertex) ? Incident(vertex, outgoing: false) : [];
        return ContainsVertex(vertex);
    }

    private ReadOnlySpan<int> Out(int vertex) => reversed ? graph.Predecessors(vertex) : graph.Successors(vertex);
    private ReadOnlySpan<int> In(int vertex) => reversed ? graph.Successors(vertex) : graph.Predecessors(vertex);

    private int Check(int vertex) =>
        ContainsVertex(vertex) ? vertex : throw new VertexNotFoundException($"Node {vertex} is not in the graph (0..{graph.NodeCount - 1}).");

    // A span cannot live across a yield, so each step slices again: two array reads, no copy.
    private IEnumerable<SEdge<int>> Incident(int vertex, bool outgoing)
    {
        var count = outgoing ? Out(vertex).Length : In(vertex).Length;
        for (var i = 0; i < count; i++)
            yield return outgoing ? new SEdge<int>(vertex, Out(vertex)[i]) : new SEdge<int>(In(vertex)[i], vertex);
    }
}
