using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.PostgresIntrospection.Introspection;

/// <summary>
/// A snapshot in the catalog's terms, named the OpenLineage way: namespace <c>postgres://host:port</c>, dataset name
/// <c>database.schema.table</c>. The database and its schemas are resources; tables, partitions and views are datasets.
/// </summary>
public sealed class SnapshotMapper(string @namespace, DateTimeOffset harvestedAt)
{
    public const string Platform = "postgres";

    public EntityRef DatabaseRef(DatabaseSnapshot snapshot) => new(EntityKind.Resource, @namespace, snapshot.Database);

    public EntityRef SchemaRef(DatabaseSnapshot snapshot, string schema) => new(EntityKind.Resource, @namespace, $"{snapshot.Database}.{schema}");

    public EntityRef DatasetRef(DatabaseSnapshot snapshot, string qualifiedName) => EntityRef.Dataset(@namespace, $"{snapshot.Database}.{qualifiedName}");

    public IEnumerable<HarvestItem> Map(DatabaseSnapshot snapshot)
    {
        var database = DatabaseRef(snapshot);
        yield return new EntityFound(new CatalogEntity
        {
            Ref = database, Title = snapshot.Database, Platform = Platform, Location = $"{@namespace}/{snapshot.Database}",
            Description = Bounded(snapshot.Comment), Tags = ["database"],
        });
        foreach (var schema in snapshot.Schemas)
        {
            var schemaRef = SchemaRef(snapshot, schema.Name);
            yield return new EntityFound(new CatalogEntity
            {
                Ref = schemaRef, Title = $"{snapshot.Database}.{schema.Name}", Platform = Platform, Description = Bounded(schema.Comment), Tags = ["schema"],
            });
            yield return new RelationFound(schemaRef, "partOf", database);
        }
        foreach (var relation in snapshot.Relations)
            foreach (var item in MapRelation(snapshot, relation)) yield return item;
    }

    private IEnumerable<HarvestItem> MapRelation(DatabaseSnapshot snapshot, RelationSnapshot relation)
    {
        var self = DatasetRef(snapshot, relation.QualifiedName);
        var keyColumns = relation.PrimaryKey?.Columns.ToHashSet() ?? [];
        var foreignColumns = relation.ForeignKeys.SelectMany(f => f.Columns).ToHashSet();
        yield return new DatasetFound(new Dataset
        {
            Entity = new CatalogEntity
            {
                Ref = self, Title = relation.Name, Description = Bounded(relation.Comment), Platform = Platform,
                Location = self.Name, Tags = [KindTag(relation)],
            },
            Fields = relation.Columns.Take(MetadataLimits.Fields).Select(c => new SchemaField
            {
                Name = MetadataLimits.Truncate(c.Name, MetadataLimits.FieldName)!,
                Type = MetadataLimits.Truncate(c.Type, MetadataLimits.FieldType),
                Nullable = c.Nullable,
                Description = Bounded(c.Comment),
                Tags = [.. keyColumns.Contains(c.Name) ? ["primary-key"] : Array.Empty<string>(), .. foreignColumns.Contains(c.Name) ? ["foreign-key"] : Array.Empty<string>()],
            }).ToList(),
        }) { FieldsComplete = true };

        yield return new RelationFound(self, "partOf", relation.PartitionOf is { } parent ? DatasetRef(snapshot, parent) : SchemaRef(snapshot, relation.Schema));
        foreach (var foreignKey in relation.ForeignKeys)
            yield return new RelationFound(self, "references", DatasetRef(snapshot, $"{foreignKey.ReferencedSchema}.{foreignKey.ReferencedTable}"));
        foreach (var source in relation.DependsOn)
            yield return new LineageFound(new LineageEdge(DatasetRef(snapshot, source), self, LineageEdgeKind.DerivedFrom));
        foreach (var partition in Partitions(snapshot, relation))
            yield return new PartitionFound(self, partition);
        yield return new FacetFound(self, "postgres", Facet(relation));
    }

    /// <summary>
    /// Rows and bytes land in partitions, where cost and freshness look for them: one partition per declarative
    /// partition of a partitioned table (keyed by the partition's name), or a single <c>all</c> for a plain table.
    /// </summary>
    private IEnumerable<Partition> Partitions(DatabaseSnapshot snapshot, RelationSnapshot relation)
    {
        if (relation.Kind == RelationKind.PartitionedTable)
            return snapshot.Relations.Where(r => r.PartitionOf == relation.QualifiedName)
                .Select(p => new Partition { Key = p.Name, RowCount = p.RowEstimate, Bytes = p.TotalBytes, CreatedAt = harvestedAt });
        if (relation.Kind is RelationKind.Table or RelationKind.MaterializedView && relation.PartitionOf is null)
            return [new Partition { Key = Partition.KeyFor(harvestedAt, PartitionGranularity.None), RowCount = relation.RowEstimate, Bytes = relation.TotalBytes, CreatedAt = harvestedAt }];
        return [];
    }

    private static string KindTag(RelationSnapshot relation) => relation switch
    {
        { PartitionOf: not null } => "partition",
        { Kind: RelationKind.PartitionedTable } => "partitioned-table",
        { Kind: RelationKind.View } => "view",
        { Kind: RelationKind.MaterializedView } => "materialized-view",
        { Kind: RelationKind.ForeignTable } => "foreign-table",
        _ => "table",
    };

    private static JsonElement Facet(RelationSnapshot relation)
    {
        var facet = new JsonObject
        {
            ["kind"] = KindTag(relation),
            ["rowEstimate"] = relation.RowEstimate,
            ["totalBytes"] = relation.TotalBytes,
        };
        if (relation.PrimaryKey is { } key) facet["primaryKey"] = new JsonObject { ["name"] = key.Name, ["columns"] = new JsonArray([.. key.Columns.Select(c => JsonValue.Create(c))]) };
        if (relation.ForeignKeys.Count > 0)
            facet["foreignKeys"] = new JsonArray([.. relation.ForeignKeys.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["columns"] = new JsonArray([.. f.Columns.Select(c => JsonValue.Create(c))]),
                ["references"] = $"{f.ReferencedSchema}.{f.ReferencedTable}",
                ["referencedColumns"] = new JsonArray([.. f.ReferencedColumns.Select(c => JsonValue.Create(c))]),
            })]);
        if (relation.PartitionOf is not null) facet["partitionOf"] = relation.PartitionOf;
        if (relation.PartitionBound is not null) facet["partitionBound"] = relation.PartitionBound;
        if (relation.DependsOn.Count > 0) facet["dependsOn"] = new JsonArray([.. relation.DependsOn.Select(d => JsonValue.Create(d))]);
        return JsonSerializer.SerializeToElement(facet);
    }

    private static string? Bounded(string? text) => MetadataLimits.Truncate(text, MetadataLimits.Description);
}
