using System.Text.Json.Nodes;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Plugins.Descriptors.Yaml;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary>
/// <c>catalog.dev/v1</c> <c>Dataset</c>: a data endpoint with platform, location, owner, classification, schema,
/// partitioning, retention, access, visibility and storage class. See docs/DESCRIPTORS.md.
/// </summary>
public sealed class DatasetDescriptorMapper : IDescriptorMapper
{
    public static readonly string[] SpecKeys =
        ["platform", "location", "owner", "classification", "visibility", "storageClass", "lifecycle", "partitioning", "retention", "access", "schema"];

    public bool Handles(DescriptorDocument document) => document.ApiVersion == DescriptorApiVersions.CatalogV1 && document.Kind == "Dataset";

    public MappedDocument Map(DescriptorDocument document)
    {
        var mapped = new MappedDocument(document);
        var root = new YamlMap(document.Root, "", mapped.Problems);
        root.RejectUnknownKeys(["apiVersion", "kind", "metadata", "spec"]);
        var metadata = CatalogMetadata.Read(root, EntityKind.Dataset, mapped);
        var spec = root.Map("spec", required: true);
        if (metadata is null || spec is null) return mapped;
        spec.RejectUnknownKeys(SpecKeys);

        var self = metadata.Ref;
        mapped.Ref = self;
        var platform = spec.String("platform", required: true);
        var owner = spec.String("owner", required: true) is { } ownerText
            ? CatalogNames.ReadPrincipal(ownerText, spec.At("owner"), spec.FieldPath("owner"), mapped.Problems) : null;
        var fields = spec.Map("schema") is { } schema ? SchemaFieldReader.Read(schema) : [];
        var classification = ReadClassification(spec, fields);
        var (partitioning, partitionField) = ReadPartitioning(spec);
        var retention = spec.Map("retention") is { } retentionMap ? PolicyReader.ReadRetention(retentionMap) : null;
        var grants = spec.Map("access") is { } access ? PolicyReader.ReadAccess(access) : [];
        var visibility = ReadVisibility(spec);
        var lifecycle = ReadLifecycle(spec);
        if (mapped.Rejected) return mapped;

        mapped.Items.Add(new DatasetFound(new Dataset
        {
            Entity = new CatalogEntity
            {
                Ref = self,
                Title = metadata.Title,
                Description = metadata.Description,
                Owner = owner,
                Platform = platform,
                Location = spec.String("location") ?? self.Name,
                Classification = classification,
                Visibility = visibility,
                Lifecycle = lifecycle,
                Tags = metadata.Tags,
            },
            Fields = fields,
            Partitioning = partitioning,
            StorageClass = spec.String("storageClass"),
        }));
        if (owner is { } ownedBy) mapped.Items.Add(new RelationFound(self, "ownedBy", ownedBy));
        if (retention is not null) mapped.Items.Add(new RetentionDeclared(self, retention));
        mapped.Items.AddRange(grants.Select(g => new AccessDeclared(self, g)));
        if (DescriptorFacet(metadata, partitionField) is { } facet) mapped.Items.Add(new FacetFound(self, "descriptor", YamlJson.ToElement(facet)));
        return mapped;
    }

    /// <summary>A dataset is at least as sensitive as its most sensitive field; declaring less is a contradiction, not a default.</summary>
    private static Classification ReadClassification(YamlMap spec, IReadOnlyList<SchemaField> fields)
    {
        var strictestField = fields.Select(f => f.Classification ?? Classification.Public).DefaultIfEmpty(Classification.Public).Max();
        var text = spec.String("classification");
        if (text is null) return Classifications.Max(Classification.Internal, strictestField);
        if (!Classifications.TryParse(text, out var declared))
        {
            spec.Problem("classification", $"'{text}' is not a classification: expected public, internal, confidential or pii");
            return Classification.Internal;
        }
        if (declared < strictestField)
        {
            var field = fields.First(f => f.Classification == strictestField).Name;
            spec.Problem("classification", $"is {declared.ToWire()} but field '{field}' is {strictestField.ToWire()}: a dataset is at least as sensitive as its most sensitive field");
        }
        return declared;
    }

    /// <summary><c>partitioning: daily</c> or <c>partitioning: { granularity: hourly, field: event_time }</c>.</summary>
    private static (PartitionGranularity, string?) ReadPartitioning(YamlMap spec)
    {
        var node = spec.Get("partitioning");
        if (node is null) return (PartitionGranularity.None, null);
        string? text, field = null;
        YamlMap owner = spec;
        var key = "partitioning";
        if (node is YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            var map = spec.Map("partitioning")!;
            map.RejectUnknownKeys(["granularity", "field"]);
            text = map.String("granularity", required: true);
            field = map.String("field");
            (owner, key) = (map, "granularity");
        }
        else text = spec.String("partitioning");
        switch (text)
        {
            case "hourly": return (PartitionGranularity.Hourly, field);
            case "daily": return (PartitionGranularity.Daily, field);
            case "none": return (PartitionGranularity.None, field);
            case null: return (PartitionGranularity.None, null);
            default:
                owner.Problem(key, $"'{text}' is not a partitioning: expected hourly, daily or none");
                return (PartitionGranularity.None, null);
        }
    }

    private static Visibility ReadVisibility(YamlMap spec)
    {
        switch (spec.String("visibility"))
        {
            case null or "everyone": return Visibility.Everyone;
            case "restricted": return Visibility.Restricted;
            case var other:
                spec.Problem("visibility", $"'{other}' is not a visibility: expected everyone or restricted");
                return Visibility.Everyone;
        }
    }

    internal static Lifecycle ReadLifecycle(YamlMap spec)
    {
        switch (spec.String("lifecycle"))
        {
            case null or "active" or "production" or "experimental": return Lifecycle.Active;
            case "deprecated": return Lifecycle.Deprecated;
            case var other:
                spec.Problem("lifecycle", $"'{other}' is not a lifecycle: expected active or deprecated");
                return Lifecycle.Active;
        }
    }

    private static JsonObject? DescriptorFacet(CatalogMetadata metadata, string? partitionField)
    {
        var facet = new JsonObject();
        if (partitionField is not null) facet["partitionField"] = partitionField;
        foreach (var key in new[] { "labels", "annotations", "links" })
            if (metadata.Map.Get(key) is { } node) facet[key] = YamlJson.ToJson(node);
        return facet.Count > 0 ? facet : null;
    }
}
