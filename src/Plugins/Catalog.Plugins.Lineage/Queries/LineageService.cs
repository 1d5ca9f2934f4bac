using Catalog.Domain.Entities;
using Catalog.Domain.Lineage.Graph;
using Catalog.Domain.Lineage.Impact;
using Catalog.Plugins.Security;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// What a lineage request asks for; depth defaults to <see cref="LineageOptions.DefaultDepth"/> and is capped at
/// <see cref="LineageOptions.MaxDepth"/>. <paramref name="ForGraph"/>: also load what the graph draws — each node's
/// fields (column mode) and direct neighbours (a job's inputs and outputs, upstream/downstream counts); the
/// server-rendered tables need neither, and for a hub's thousands of nodes they are most of the work.
/// </summary>
public sealed record LineageQuery(int? Depth = null, LineageDirection Direction = LineageDirection.Both, IReadOnlyCollection<string>? Kinds = null,
    bool ForGraph = true);

/// <summary>
/// Lineage questions answered for one principal: traverse (through <see cref="ILineageTopology"/>), then load
/// details of the nodes found and hide what the principal may not see. A start node the principal may not
/// see is reported as not found, so its existence is not confirmed either.
/// </summary>
public sealed class LineageService(ILineageTopology topology, EntityDetailsLoader details, DirectNeighboursLoader neighbours, IOptions<LineageOptions> options)
{
    private LineageOptions Options => options.Value;

    public int ClampDepth(int? depth) => Math.Clamp(depth ?? Options.DefaultDepth, 0, Options.MaxDepth);

    public async Task<EntityDetails?> FindVisibleAsync(string reference, CatalogPrincipal principal, CancellationToken cancellationToken) =>
        await details.FindAsync(reference, principal, cancellationToken) is { Visible: true } found ? found : null;

    public async Task<LineageView?> GetLineageAsync(string nodeId, LineageQuery query, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(nodeId, principal, cancellationToken) is not { } start) return null;
        var slice = await topology.TraverseAsync(start.Id, new TraversalRequest(query.Direction, ClampDepth(query.Depth), query.Kinds, Options.MaxNodes), cancellationToken);
        var ids = slice.Upstream.Concat(slice.Downstream).Select(n => n.EntityId).Append(start.Id).Distinct().ToList();
        var loaded = await details.LoadAsync(ids, principal, withFields: query.ForGraph, cancellationToken);
        var visible = loaded.Values.Where(d => d.Visible).ToList();
        var direct = query.ForGraph
            ? await neighbours.LoadAsync(visible.Select(d => d.Id).ToList(), visible.Where(d => d.Kind == EntityKind.Job).Select(d => d.Id).ToList(), principal, cancellationToken)
            : new Dictionary<long, DirectNeighbours>();
        var names = new NodeNames(loaded, direct, CycleNumbers(slice.Cycles));
        var view = new LineageView(
            new LineageNodeView(start.Ref, start.Kind, 0, LineageSide.Start, false, loaded.GetValueOrDefault(start.Id) ?? start) { Direct = direct.GetValueOrDefault(start.Id), Cycle = names.CycleOf(start.Id) },
            slice.Upstream.Select(n => names.View(n, LineageSide.Upstream)).ToList(),
            slice.Downstream.Select(n => names.View(n, LineageSide.Downstream)).ToList(),
            slice.Edges.Select(e => new LineageEdgeView(names.IdOf(e.From), names.IdOf(e.To))).ToList(),
            slice.Truncated,
            slice.Engine)
        {
            Cycles = CycleViews(slice.Cycles, ids.ToHashSet(), names),
        };
        return view;
    }

    /// <summary>Every endpoint downstream (datasets unless <paramref name="endpointKinds"/> says otherwise), grouped by owner.</summary>
    public async Task<ImpactReport?> GetImpactAsync(string nodeId, int? maxDepth, IReadOnlyCollection<string>? endpointKinds, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(nodeId, principal, cancellationToken) is not { } start) return null;
        var kinds = endpointKinds is { Count: > 0 } ? endpointKinds : [EntityKind.Dataset];
        var depth = maxDepth is { } d ? Math.Max(d, 1) : int.MaxValue;
        var slice = await topology.TraverseAsync(start.Id, new TraversalRequest(LineageDirection.Downstream, depth, kinds, Options.MaxImpactEndpoints, IncludeEdges: false), cancellationToken);
        var loaded = await details.LoadAsync(slice.Downstream.Select(n => n.EntityId).ToList(), principal, withFields: false, cancellationToken);
        var endpoints = slice.Downstream.Select(n => loaded.TryGetValue(n.EntityId, out var e) && e.Visible
            ? new ImpactedEndpoint(e.Ref, e.Kind, e.Title, e.Owner, n.Depth)
            : new ImpactedEndpoint(null, "restricted", null, null, n.Depth));
        return ImpactReport.Create(start.Ref, endpoints, slice.Truncated) with { CycleSizes = [.. slice.Cycles.Select(c => c.Count)] };
    }

    /// <summary>
    /// The shortest path between two entities along the flow of data, trying both orders; listed in the
    /// direction data flows (source first). Null when unconnected or unknown.
    /// </summary>
    public async Task<IReadOnlyList<LineageNodeView>?> FindPathAsync(string fromRef, string toRef, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(fromRef, principal, cancellationToken) is not { } from) return null;
        if (await FindVisibleAsync(toRef, principal, cancellationToken) is not { } to) return null;
        var path = await topology.FindPathAsync(from.Id, to.Id, Options.MaxDepth * 5, cancellationToken)
                   ?? await topology.FindPathAsync(to.Id, from.Id, Options.MaxDepth * 5, cancellationToken);
        if (path is null) return null;
        var loaded = await details.LoadAsync(path, principal, withFields: false, cancellationToken);
        var names = new NodeNames(loaded);
        return path.Select((id, i) => names.View(new SliceNode(id, loaded.GetValueOrDefault(id)?.Kind ?? "restricted", i, false), i == 0 ? LineageSide.Start : LineageSide.Downstream)).ToList();
    }

    // Cycles numbered 1.. in the order the traversal reports them (largest first).
    private static Dictionary<long, int> CycleNumbers(IReadOnlyList<IReadOnlyList<long>> cycles)
    {
        var numbers = new Dictionary<long, int>();
        for (var i = 0; i < cycles.Count; i++)
            foreach (var id in cycles[i]) numbers.TryAdd(id, i + 1);
        return numbers;
    }

    // Only members the response shows are named, so a cycle never numbers a hidden node the response does not carry.
    private static List<LineageCycleView> CycleViews(IReadOnlyList<IReadOnlyList<long>> cycles, HashSet<long> shown, NodeNames names) =>
        [.. cycles.Select(c => new LineageCycleView(c.Count, [.. c.Where(shown.Contains).Select(names.IdOf)]))];

    /// <summary>Names nodes for one response: visible ones by ref, hidden ones <c>restricted:1</c>, <c>restricted:2</c>… in order met.</summary>
    private sealed class NodeNames(IReadOnlyDictionary<long, EntityDetails> loaded, IReadOnlyDictionary<long, DirectNeighbours>? direct = null, IReadOnlyDictionary<long, int>? cycles = null)
    {
        public int? CycleOf(long entityId) => cycles is not null && cycles.TryGetValue(entityId, out var n) ? n : null;

        private readonly Dictionary<long, string> hidden = [];

        public string IdOf(long entityId) =>
            loaded.TryGetValue(entityId, out var d) && d.Visible ? d.Ref
            : hidden.TryGetValue(entityId, out var id) ? id
            : hidden[entityId] = LineageNodeView.RestrictedPrefix + (hidden.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public LineageNodeView View(SliceNode node, LineageSide side) =>
            loaded.TryGetValue(node.EntityId, out var d) && d.Visible
                ? new LineageNodeView(d.Ref, d.Kind, node.Depth, side, node.HasMore, d) { Direct = direct?.GetValueOrDefault(d.Id), Cycle = CycleOf(node.EntityId) }
                : new LineageNodeView(IdOf(node.EntityId), "restricted", node.Depth, side, false, null) { Cycle = CycleOf(node.EntityId) };
    }
}
