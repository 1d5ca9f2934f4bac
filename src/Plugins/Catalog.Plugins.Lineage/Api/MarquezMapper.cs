using Catalog.Domain.Entities;
using Catalog.Plugins.Lineage.Queries;

namespace Catalog.Plugins.Lineage.Api;

/// <summary>Turns lineage views into Marquez's response shape.</summary>
public static class MarquezMapper
{
    public static MarquezGraph ToMarquez(LineageView view)
    {
        var inEdges = view.Edges.ToLookup(e => e.To);
        var outEdges = view.Edges.ToLookup(e => e.From);
        return new MarquezGraph(view.Nodes.Select(node => new MarquezNode(
            node.Id,
            TypeOf(node),
            DataOf(node, inEdges[node.Id], outEdges[node.Id]),
            inEdges[node.Id].Select(e => new MarquezEdge(e.From, e.To)).ToList(),
            outEdges[node.Id].Select(e => new MarquezEdge(e.From, e.To)).ToList())).ToList())
        {
            Cycles = view.Cycles.Select((c, i) => new MarquezCycle(i + 1, c.Size, c.Nodes)).ToList(),
        };
    }

    public static MarquezGraph ToMarquez(ColumnLineageView view)
    {
        var inEdges = view.Edges.ToLookup(e => e.To);
        var outEdges = view.Edges.ToLookup(e => e.From);
        var byId = view.Nodes.ToDictionary(n => n.Id);
        return new MarquezGraph(view.Nodes.Select(node => new MarquezNode(
            node.Id,
            node.Restricted ? "RESTRICTED" : "DATASET_FIELD",
            new ColumnFieldData(node.Namespace, node.Dataset, null, node.Field, node.FieldType,
                node.Inputs.Select(i => byId.GetValueOrDefault(i.Id) is { } from
                    ? new ColumnInputFieldData(from.Namespace, from.Dataset, null, from.Field, i.Description, i.TransformationType, i.TransformationSubtype, i.Id)
                    : new ColumnInputFieldData(null, null, null, null, null, null, null, i.Id)).ToList(),
                node.Depth, Side(node.Side)),
            inEdges[node.Id].Select(e => new MarquezEdge(e.From, e.To)).ToList(),
            outEdges[node.Id].Select(e => new MarquezEdge(e.From, e.To)).ToList())).ToList());
    }

    public static string TypeOf(LineageNodeView node) => node.Restricted ? "RESTRICTED" : node.Kind.ToUpperInvariant().Replace('-', '_');

    public static string Side(LineageSide side) => side.ToString().ToLowerInvariant();

    /// <summary>The portal page of an entity: /entity/{kind}/{namespace}/{name}, each part URL-encoded.</summary>
    public static string UrlOf(EntityDetails e) =>
        $"/entity/{Uri.EscapeDataString(e.Kind)}/{Uri.EscapeDataString(e.Namespace)}/{Uri.EscapeDataString(e.Name)}";

    private static CatalogNodeData DataOf(LineageNodeView node, IEnumerable<LineageEdgeView> inEdges, IEnumerable<LineageEdgeView> outEdges)
    {
        if (node.Details is not { } e) return new RestrictedData(node.Depth, Side(node.Side)) { Cycle = node.Cycle };
        var id = new MarquezId(e.Namespace, e.Name);
        // A job lists all its inputs and outputs, as in Marquez, not only those within the requested depth.
        var inputs = node.Direct?.Inputs ?? inEdges.Select(x => x.From);
        var outputs = node.Direct?.Outputs ?? outEdges.Select(x => x.To);
        CatalogNodeData data = e.Kind switch
        {
            EntityKind.Dataset => new DatasetData(id, "DB_TABLE", e.Name, e.Location ?? e.Name, e.CreatedAt, e.UpdatedAt, e.Namespace, e.Platform,
                e.Fields.Select(f => new MarquezField(f.Name, f.DataType, [], f.Description)).ToList(), [], e.UpdatedAt, e.Description,
                e.Title, e.Owner, e.Lifecycle, e.Classification, UrlOf(e), node.Depth, Side(node.Side), node.HasMore),
            EntityKind.Job => new JobData(id, "BATCH", e.Name, e.Name.Split('.')[^1], null, e.CreatedAt, e.UpdatedAt, e.Namespace,
                inputs.Select(MarquezIdOf).OfType<MarquezId>().ToList(), outputs.Select(MarquezIdOf).OfType<MarquezId>().ToList(),
                e.Location, e.Description, e.Title, e.Owner, e.Lifecycle, UrlOf(e), node.Depth, Side(node.Side), node.HasMore),
            _ => new EntityData(id, e.Kind, e.Name, e.Title, e.Owner, UrlOf(e), node.Depth, Side(node.Side), node.HasMore),
        };
        data = data with { Cycle = node.Cycle };
        return node.Direct is { } direct ? data with { UpstreamCount = direct.UpstreamCount, DownstreamCount = direct.DownstreamCount } : data;
    }

    private static MarquezId? MarquezIdOf(string nodeId) =>
        EntityRef.TryParse(nodeId, out var r) ? new MarquezId(r.Namespace, r.Name) : null;
}
