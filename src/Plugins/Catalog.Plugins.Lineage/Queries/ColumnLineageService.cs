using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Lineage.Columns;
using Catalog.Domain.Lineage.Graph;
using Catalog.Plugins.Security;
using Npgsql;

namespace Catalog.Plugins.Lineage.Queries;

/// <summary>
/// Column-level lineage: PostgreSQL walks <c>column_lineage_edges</c> to the requested depth (column graphs are
/// small next to entity graphs: a recursive CTE is enough), then the domain's <see cref="ColumnLineageGraph"/>
/// computes depths and sides, and hidden datasets are made opaque.
/// </summary>
public sealed class ColumnLineageService(NpgsqlDataSource dataSource, EntityDetailsLoader details, LineageService lineage)
{
    private const string EdgesSql = """
        WITH RECURSIVE start(dataset_id, field) AS (
            SELECT @dataset, f FROM unnest(@fields::text[]) f
            UNION SELECT to_dataset_id, to_field FROM column_lineage_edges WHERE @all_fields AND to_dataset_id = @dataset AND removed_at IS NULL
            UNION SELECT from_dataset_id, from_field FROM column_lineage_edges WHERE @all_fields AND from_dataset_id = @dataset AND removed_at IS NULL
        ), up(dataset_id, field, depth) AS (
            SELECT dataset_id, field, 0 FROM start
            UNION
            SELECT c.from_dataset_id, c.from_field, u.depth + 1 FROM up u
            JOIN column_lineage_edges c ON c.to_dataset_id = u.dataset_id AND c.to_field = u.field AND c.removed_at IS NULL
            WHERE u.depth < @up_depth
        ), down(dataset_id, field, depth) AS (
            SELECT dataset_id, field, 0 FROM start
            UNION
            SELECT c.to_dataset_id, c.to_field, d.depth + 1 FROM down d
            JOIN column_lineage_edges c ON c.from_dataset_id = d.dataset_id AND c.from_field = d.field AND c.removed_at IS NULL
            WHERE d.depth < @down_depth
        ), columns AS (SELECT dataset_id, field FROM up UNION SELECT dataset_id, field FROM down)
        SELECT c.from_dataset_id, c.from_field, c.to_dataset_id, c.to_field, c.transformation_type, c.transformation_subtype, c.description
        FROM column_lineage_edges c
        WHERE c.removed_at IS NULL
          AND (c.from_dataset_id, c.from_field) IN (SELECT dataset_id, field FROM columns)
          AND (c.to_dataset_id, c.to_field) IN (SELECT dataset_id, field FROM columns)
        LIMIT 50000
        """;

    private sealed record Row(long FromDataset, string FromField, long ToDataset, string ToField, string? Type, string? Subtype, string? Description);

    /// <summary>Column lineage around a column (<c>datasetField:…</c>) or all columns of a dataset; upstream always, downstream when asked (as in Marquez).</summary>
    public async Task<ColumnLineageView?> GetAsync(string nodeId, int? depth, bool withDownstream, CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        if (!ColumnNodeId.TryParse(nodeId, out var datasetRef, out var field)) return null;
        if (await lineage.FindVisibleAsync(datasetRef.ToString(), principal, cancellationToken) is not { } dataset) return null;
        var maxDepth = lineage.ClampDepth(depth);
        var rows = await LoadEdgesAsync(dataset.Id, field, maxDepth, withDownstream ? maxDepth : 0, cancellationToken);

        var datasetIds = rows.SelectMany(r => new[] { r.FromDataset, r.ToDataset }).Append(dataset.Id).Distinct().ToList();
        var loaded = await details.LoadAsync(datasetIds, principal, withFields: true, cancellationToken);
        var refs = new DatasetRefs(loaded);
        var graph = ColumnLineageGraph.Build(rows.Select(r => new ColumnLineageEdge(refs.Column(r.FromDataset, r.FromField), refs.Column(r.ToDataset, r.ToField))
        {
            TransformationType = refs.IsVisible(r.FromDataset) && refs.IsVisible(r.ToDataset) ? r.Type : null,
            TransformationSubtype = refs.IsVisible(r.FromDataset) && refs.IsVisible(r.ToDataset) ? r.Subtype : null,
            Description = refs.IsVisible(r.FromDataset) && refs.IsVisible(r.ToDataset) ? r.Description : null,
        }));
        var direction = withDownstream ? LineageDirection.Both : LineageDirection.Upstream;
        var trace = field is null
            ? graph.TraceDataset(datasetRef, direction, maxDepth)
            : graph.Trace(new ColumnRef(datasetRef, field), direction, maxDepth);

        var inputs = trace.Edges.ToLookup(e => e.To);
        ColumnNodeView View(ColumnRef column, int d, LineageSide side)
        {
            var visible = !refs.IsPlaceholder(column.Dataset);
            var type = visible ? loaded.Values.FirstOrDefault(x => x.Ref == column.Dataset.ToString())?.Fields.FirstOrDefault(f => f.Name == column.Field)?.DataType : null;
            return new ColumnNodeView(
                visible ? column.ToString() : column.Dataset.Name, visible ? column.Dataset.Namespace : null, visible ? column.Dataset.Name : null, visible ? column.Field : null, type, d, side,
                inputs[column].Select(e => new ColumnInputView(IdOf(e.From), e.TransformationType, e.TransformationSubtype, e.Description)).ToList());
        }
        string IdOf(ColumnRef column) => refs.IsPlaceholder(column.Dataset) ? column.Dataset.Name : column.ToString();

        var nodes = new Dictionary<string, ColumnNodeView>();
        foreach (var start in trace.Start) nodes.TryAdd(IdOf(start), View(start, 0, LineageSide.Start));
        foreach (var c in trace.Upstream) nodes.TryAdd(IdOf(c.Column), View(c.Column, c.Depth, LineageSide.Upstream));
        foreach (var c in trace.Downstream)
            if (!nodes.TryAdd(IdOf(c.Column), View(c.Column, c.Depth, LineageSide.Downstream)) && nodes[IdOf(c.Column)].Side == LineageSide.Upstream)
                nodes[IdOf(c.Column)] = nodes[IdOf(c.Column)] with { Side = LineageSide.Both };
        var edges = trace.Edges.Select(e => new LineageEdgeView(IdOf(e.From), IdOf(e.To))).Distinct().ToList();
        return new ColumnLineageView(nodeId, [.. nodes.Values], edges);
    }

    private async Task<List<Row>> LoadEdgesAsync(long datasetId, string? field, int upDepth, int downDepth, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(EdgesSql);
        command.Parameters.AddWithValue("dataset", datasetId);
        command.Parameters.AddWithValue("fields", field is null ? Array.Empty<string>() : [field]);
        command.Parameters.AddWithValue("all_fields", field is null);
        command.Parameters.AddWithValue("up_depth", upDepth);
        command.Parameters.AddWithValue("down_depth", downDepth);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return rows;
    }

    // Visible datasets keep their refs; each hidden one becomes a placeholder dataset "restricted:N" with one
    // column, so its field names and the count of its columns stay hidden.
    private sealed class DatasetRefs(IReadOnlyDictionary<long, EntityDetails> loaded)
    {
        private const string PlaceholderNamespace = "\u0000restricted";
        private readonly Dictionary<long, EntityRef> hidden = [];

        public bool IsVisible(long id) => loaded.TryGetValue(id, out var d) && d.Visible;

        public bool IsPlaceholder(EntityRef dataset) => dataset.Namespace == PlaceholderNamespace;

        public ColumnRef Column(long datasetId, string field) => IsVisible(datasetId)
            ? new ColumnRef(new EntityRef(loaded[datasetId].Kind, loaded[datasetId].Namespace, loaded[datasetId].Name), field)
            : new ColumnRef(hidden.TryGetValue(datasetId, out var r) ? r
                : hidden[datasetId] = EntityRef.Dataset(PlaceholderNamespace, LineageNodeView.RestrictedPrefix + (hidden.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), "*");
    }
}
