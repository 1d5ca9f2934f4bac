using System.Runtime.CompilerServices;
using Catalog.Domain.Lineage.Analytics;
using Catalog.Domain.Lineage.Graph;
using Catalog.Plugins.Lineage.Queries;
using Catalog.Plugins.Lineage.Snapshot;
using Catalog.Plugins.Security;

namespace Catalog.Plugins.Lineage.Analytics;

/// <summary>One cycle of the whole lineage graph: its size and its first <see cref="LineageCycleReport.MaxNodesListed"/> nodes as the reader may see them.</summary>
public sealed record LineageCycleEntry(int Number, int Size, IReadOnlyList<LineageNodeView> Nodes);

/// <summary>Every cycle of the lineage graph, largest first, for admins cleaning up loops.</summary>
public sealed record LineageCycleReport(int CycleCount, int NodesOnCycles, int EdgeCount, IReadOnlyList<LineageCycleEntry> Cycles, bool Truncated)
{
    public const int MaxNodesListed = 50;
}

/// <summary>
/// Strongly connected components of the whole graph (QuikGraph over the snapshot's arrays, a second or two at a
/// million nodes), computed once per snapshot version and shared by every caller that asks about it. Needs the
/// in-memory snapshot: a graph over <see cref="LineageOptions.MaxSnapshotEdges"/> gets no cycle report (null).
/// </summary>
public sealed class LineageCycleService(LineageSnapshotStore store, EntityDetailsLoader details)
{
    private readonly ConditionalWeakTable<LineageGraph, Lazy<Task<IReadOnlyList<int[]>>>> computed = [];

    public async Task<LineageCycleReport?> GetAsync(int maxCycles, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(cancellationToken) is not { } snapshot) return null;
        var graph = snapshot.Graph;
        var cycles = await CyclesOf(graph).WaitAsync(cancellationToken);
        var listed = cycles.Take(maxCycles).ToList();
        var ids = listed.SelectMany(c => c.Take(LineageCycleReport.MaxNodesListed)).Select(graph.EntityId).Distinct().ToList();
        var loaded = await details.LoadAsync(ids, principal, withFields: false, cancellationToken);
        var hidden = new Dictionary<long, string>();
        LineageNodeView View(int node)
        {
            var id = graph.EntityId(node);
            if (loaded.TryGetValue(id, out var d) && d.Visible) return new LineageNodeView(d.Ref, d.Kind, 0, LineageSide.Both, false, d);
            if (!hidden.TryGetValue(id, out var name)) hidden[id] = name = LineageNodeView.RestrictedPrefix + (hidden.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new LineageNodeView(name, "restricted", 0, LineageSide.Both, false, null);
        }
        var entries = listed.Select((c, i) => new LineageCycleEntry(i + 1, c.Length, [.. c.Take(LineageCycleReport.MaxNodesListed).Select(View)])).ToList();
        return new LineageCycleReport(cycles.Count, cycles.Sum(c => c.Length), graph.EdgeCount, entries, cycles.Count > listed.Count);
    }

    private Task<IReadOnlyList<int[]>> CyclesOf(LineageGraph graph) =>
        computed.GetValue(graph, g => new Lazy<Task<IReadOnlyList<int[]>>>(() => Task.Run(() => LineageCycles.All(g.Topology)))).Value;
}
