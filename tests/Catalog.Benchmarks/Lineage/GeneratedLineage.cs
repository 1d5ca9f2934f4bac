using Catalog.Domain.Lineage.Graph;

namespace Catalog.Benchmarks.Lineage;

/// <summary>
/// A seeded, lineage-shaped graph: nodes in layers (pipelines flow from raw to marts), alternating dataset and
/// job layers so edges read dataset → job → dataset. Each node has on average <c>edges / nodes</c> outgoing
/// edges: mostly to nearby positions in the next layer (teams' pipelines are local), some skip a layer, a few
/// point back (cycles: backfills, feedback loops) and a few go to shared hub datasets (dimension tables that
/// everything reads). Entity ids are 1..N like a fresh identity column.
/// </summary>
public static class GeneratedLineage
{
    public const int Layers = 100;
    public const int HubCount = 1_000;
    private const int Locality = 60;

    public static LineageGraph Build(int nodes, int edges, int seed)
    {
        var builder = new LineageGraphBuilder();
        var perLayer = nodes / Layers;
        for (var id = 1; id <= nodes; id++) builder.AddNode(id, LayerOf(id, perLayer) % 2 == 0 ? "dataset" : "job");
        foreach (var (from, to) in Edges(nodes, edges, seed)) builder.AddEdge(from, to);
        return builder.Build();
    }

    public static IEnumerable<(long From, long To)> Edges(int nodes, int edges, int seed)
    {
        var random = new Random(seed);
        var perLayer = nodes / Layers;
        for (var i = 0; i < edges; i++)
        {
            var from = random.Next(1, nodes + 1);
            var layer = LayerOf(from, perLayer);
            var position = (from - 1) % perLayer;
            var roll = random.NextDouble();
            int targetLayer;
            if (roll < 0.03) { yield return (from, 1 + random.Next(HubCount) * (nodes / HubCount)); continue; }
            else if (roll < 0.05) targetLayer = Math.Max(0, layer - 1 - random.Next(3));
            else if (roll < 0.20) targetLayer = layer + 2;
            else targetLayer = layer + 1;
            if (targetLayer >= Layers) targetLayer = layer - 1;
            var targetPosition = ((position + random.Next(-Locality, Locality + 1)) % perLayer + perLayer) % perLayer;
            yield return (from, 1 + targetLayer * perLayer + targetPosition);
        }
    }

    private static int LayerOf(long id, int perLayer) => (int)((id - 1) / perLayer);

    /// <summary>"Typical" start nodes: random nodes that have lineage on both sides.</summary>
    public static int[] TypicalNodes(LineageGraph graph, int count, int seed)
    {
        var random = new Random(seed);
        var picked = new List<int>(count);
        while (picked.Count < count)
        {
            var node = random.Next(graph.NodeCount);
            if (!graph.Topology.Successors(node).IsEmpty && !graph.Topology.Predecessors(node).IsEmpty) picked.Add(node);
        }
        return [.. picked];
    }
}
