using System.Text.Json.Nodes;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Descriptors.Yaml;
using Catalog.Plugins.Harvesting;
using YamlDotNet.RepresentationModel;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary>
/// <c>catalog.dev/v1</c> <c>Workflow</c>: a scheduled job with owner, schedule, inputs and outputs (→ dataset lineage)
/// and column lineage declarations. See docs/DESCRIPTORS.md.
/// </summary>
public sealed class WorkflowDescriptorMapper : IDescriptorMapper
{
    public static readonly string[] SpecKeys =
        ["owner", "type", "integration", "lifecycle", "schedule", "inputs", "outputs", "columnLineage", "sql", "sourceCodeUrl"];

    public static readonly string[] ColumnLineageKeys = ["output", "field", "from", "transformation", "description"];

    /// <summary>OpenLineage's column lineage subtypes: the first three are DIRECT, the rest INDIRECT.</summary>
    public static readonly string[] DirectTransformations = ["IDENTITY", "TRANSFORMATION", "AGGREGATION"];
    public static readonly string[] IndirectTransformations = ["JOIN", "GROUP_BY", "FILTER", "SORT", "WINDOW", "CONDITIONAL"];

    public bool Handles(DescriptorDocument document) => document.ApiVersion == DescriptorApiVersions.CatalogV1 && document.Kind == "Workflow";

    public MappedDocument Map(DescriptorDocument document)
    {
        var mapped = new MappedDocument(document);
        var root = new YamlMap(document.Root, "", mapped.Problems);
        root.RejectUnknownKeys(["apiVersion", "kind", "metadata", "spec"]);
        var metadata = CatalogMetadata.Read(root, EntityKind.Job, mapped);
        var spec = root.Map("spec", required: true);
        if (metadata is null || spec is null) return mapped;
        spec.RejectUnknownKeys(SpecKeys);

        var self = metadata.Ref;
        mapped.Ref = self;
        var owner = spec.String("owner", required: true) is { } ownerText
            ? CatalogNames.ReadPrincipal(ownerText, spec.At("owner"), spec.FieldPath("owner"), mapped.Problems) : null;
        var type = spec.String("type");
        if (type is not null and not ("BATCH" or "STREAMING")) spec.Problem("type", $"'{type}' is not a processing type: expected BATCH or STREAMING");
        var integration = spec.String("integration");
        var schedule = ScheduleReader.Read(spec);
        var inputs = ReadDatasets(spec, "inputs", mapped.Problems);
        var outputs = ReadDatasets(spec, "outputs", mapped.Problems);
        if (type == "STREAMING" && schedule.Kind != ScheduleKind.None) spec.Problem("schedule", "a STREAMING workflow runs continuously: remove the schedule or make it BATCH");
        var columnLineage = ReadColumnLineage(spec, self, inputs, outputs, mapped.Problems);
        var lifecycle = DatasetDescriptorMapper.ReadLifecycle(spec);
        if (mapped.Rejected) return mapped;

        mapped.Items.Add(new WorkflowFound(new Workflow
        {
            Entity = new CatalogEntity
            {
                Ref = self,
                Title = metadata.Title,
                Description = metadata.Description,
                Owner = owner,
                Platform = integration?.ToLowerInvariant(),
                Lifecycle = lifecycle,
                Tags = metadata.Tags,
            },
            Schedule = schedule,
            JobType = (type, integration) switch
            {
                (null, null) => null,
                (_, null) => type,
                (null, _) => integration,
                _ => $"{type}/{integration}",
            },
            Sql = spec.String("sql"),
            SourceCodeUrl = spec.String("sourceCodeUrl"),
        }));
        if (owner is { } ownedBy) mapped.Items.Add(new RelationFound(self, "ownedBy", ownedBy));
        mapped.Items.AddRange(inputs.Select(i => new LineageFound(new LineageEdge(i, self, LineageEdgeKind.Reads))));
        mapped.Items.AddRange(outputs.Select(o => new LineageFound(new LineageEdge(self, o, LineageEdgeKind.Writes))));
        mapped.Items.AddRange(columnLineage.Select(e => new ColumnLineageFound(e)));
        var facet = new JsonObject();
        foreach (var key in new[] { "labels", "annotations", "links" })
            if (metadata.Map.Get(key) is { } node) facet[key] = YamlJson.ToJson(node);
        if (facet.Count > 0) mapped.Items.Add(new FacetFound(self, "descriptor", YamlJson.ToElement(facet)));
        return mapped;
    }

    private static List<EntityRef> ReadDatasets(YamlMap spec, string key, DescriptorProblems problems)
    {
        var result = new List<EntityRef>();
        foreach (var (node, path) in spec.List(key))
            if (CatalogNames.ReadDatasetRef(node, path, problems) is { } dataset)
            {
                if (result.Contains(dataset)) problems.Add(node.Start, path, $"lists {dataset} twice");
                else result.Add(dataset);
            }
        return result;
    }

    /// <summary>
    /// Each entry: <c>output</c> (one of the outputs), <c>field</c>, <c>from</c> (dataset among the inputs + field),
    /// <c>transformation</c> (an OpenLineage subtype) and an optional <c>description</c>.
    /// </summary>
    private static List<ColumnLineageEdge> ReadColumnLineage(YamlMap spec, EntityRef job, List<EntityRef> inputs, List<EntityRef> outputs, DescriptorProblems problems)
    {
        var edges = new List<ColumnLineageEdge>();
        foreach (var (node, path) in spec.List("columnLineage"))
        {
            if (node is not YamlMappingNode mapping)
            {
                problems.Add(node.Start, path, $"expected a mapping with output, field and from, got {YamlMap.Describe(node)}");
                continue;
            }
            var entry = new YamlMap(mapping, path, problems);
            entry.RejectUnknownKeys(ColumnLineageKeys);
            var output = entry.Get("output") is { } outputNode ? CatalogNames.ReadDatasetRef(outputNode, entry.FieldPath("output"), problems) : null;
            if (entry.Get("output") is null) entry.Problem("output", "is required: expected one of this workflow's outputs");
            else if (output is { } o && !outputs.Contains(o)) entry.Problem("output", $"{o} is not among spec.outputs: column lineage can only describe what this workflow writes");
            var field = entry.String("field", required: true);
            var (type, subtype) = ReadTransformation(entry);
            var description = entry.String("description");
            var sources = new List<ColumnRef>();
            foreach (var (sourceNode, sourcePath) in entry.List("from"))
            {
                if (sourceNode is not YamlMappingNode sourceMapping)
                {
                    problems.Add(sourceNode.Start, sourcePath, $"expected a mapping with dataset and field, got {YamlMap.Describe(sourceNode)}");
                    continue;
                }
                var source = new YamlMap(sourceMapping, sourcePath, problems);
                source.RejectUnknownKeys(["dataset", "field"]);
                var dataset = source.Get("dataset") is { } datasetNode ? CatalogNames.ReadDatasetRef(datasetNode, source.FieldPath("dataset"), problems) : null;
                if (source.Get("dataset") is null) source.Problem("dataset", "is required: expected one of this workflow's inputs");
                else if (dataset is { } d && !inputs.Contains(d)) source.Problem("dataset", $"{d} is not among spec.inputs: a column can only come from what this workflow reads");
                var sourceField = source.String("field", required: true);
                if (dataset is { } ds && sourceField is not null) sources.Add(new ColumnRef(ds, sourceField));
            }
            if (entry.Get("from") is null) entry.Problem("from", "is required: expected a list of input columns (dataset and field)");
            if (output is { } target && field is not null)
                edges.AddRange(sources.Select(s => new ColumnLineageEdge(s, new ColumnRef(target, field))
                {
                    TransformationType = type,
                    TransformationSubtype = subtype,
                    Description = description,
                    Job = job,
                }));
        }
        return edges;
    }

    private static (string? Type, string? Subtype) ReadTransformation(YamlMap entry)
    {
        var text = entry.String("transformation");
        if (text is null) return (null, null);
        var subtype = text.ToUpperInvariant();
        if (DirectTransformations.Contains(subtype)) return ("DIRECT", subtype);
        if (IndirectTransformations.Contains(subtype)) return ("INDIRECT", subtype);
        entry.Problem("transformation", $"'{text}' is not a transformation: expected one of {string.Join(", ", DirectTransformations.Concat(IndirectTransformations))}");
        return (null, null);
    }
}
