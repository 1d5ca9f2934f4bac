using System.Text.Json;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Quality;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.OpenLineage.Parsing;

internal sealed record DatasetRead(EntityRef Ref, IReadOnlyList<HarvestItem> Items);

/// <summary>
/// One dataset of an event with its facets. Outputs and static datasets report their whole schema (the field list
/// replaces what is known); inputs may name only the columns a job read, so their fields are merged.
/// </summary>
internal static class DatasetReader
{
    private static readonly HashSet<string> Modelled = ["schema", "dataSource", "documentation", "ownership", "symlinks", "columnLineage"];

    public static DatasetRead? Read(JsonNode dataset, DatasetRole role, DatasetContext? context, ParseProblems problems)
    {
        var ns = problems.String(dataset, "namespace", required: true);
        var name = problems.String(dataset, "name", required: true);
        if (ns is null || name is null) return null;
        if (ns.Length > EntityRef.MaxPartLength || name.Length > EntityRef.MaxPartLength)
        {
            problems.Add(dataset.Path, $"dataset namespace and name must be at most {EntityRef.MaxPartLength} characters; the dataset was skipped");
            return null;
        }
        var reference = EntityRef.Dataset(ns, name);
        var items = new List<HarvestItem>();
        var extra = new List<HarvestItem>();
        IReadOnlyList<SchemaField>? fields = null;
        string? description = null, platform = null, location = null;
        IReadOnlyList<EntityRef> owners = [];
        foreach (var (facetName, facet) in Facets.Of(dataset, "facets", problems))
        {
            switch (facetName)
            {
                case "schema": fields = SchemaFields(facet, problems); break;
                case "dataSource":
                    platform = problems.String(facet, "name");
                    location = problems.String(facet, "uri");
                    break;
                case "documentation": description = problems.String(facet, "description"); break;
                case "ownership": owners = Facets.Owners(facet, problems); break;
                case "symlinks": extra.AddRange(Symlinks(reference, facet, problems)); break;
                case "columnLineage": extra.AddRange(ColumnLineage(reference, facet, context?.Job, problems)); break;
                case "lifecycleStateChange":
                    if (string.Equals(problems.String(facet, "lifecycleStateChange"), "DROP", StringComparison.OrdinalIgnoreCase))
                        extra.Add(new EntityDeleted(reference));
                    break;
            }
            if (!Modelled.Contains(facetName)) extra.Add(new FacetFound(reference, facetName, facet.Element.Clone()));
        }
        foreach (var (facetName, facet) in Facets.Of(dataset, "inputFacets", problems))
        {
            if (facetName == "dataQualityAssertions" && context is not null) extra.AddRange(Assertions(reference, facet, context, problems));
            else extra.Add(new FacetFound(reference, $"input.{facetName}", facet.Element.Clone()));
        }
        foreach (var (facetName, facet) in Facets.Of(dataset, "outputFacets", problems))
        {
            if (facetName == "outputStatistics" && context is not null) extra.Add(Statistics(reference, facet, context, problems));
            else extra.Add(new FacetFound(reference, $"output.{facetName}", facet.Element.Clone()));
        }

        items.Add(new DatasetFound(new Dataset
        {
            Entity = new CatalogEntity { Ref = reference, Description = description, Platform = platform, Location = location, Owner = owners.Count > 0 ? owners[0] : null },
            Fields = fields ?? [],
        }) { FieldsComplete = fields is not null && role != DatasetRole.Input });
        items.AddRange(owners.Select(o => new RelationFound(reference, "ownedBy", o)));
        items.AddRange(extra);
        return new DatasetRead(reference, items);
    }

    private static List<SchemaField> SchemaFields(JsonNode facet, ParseProblems problems)
    {
        var fields = new List<SchemaField>();
        Flatten(problems.Array(facet, "fields"), "", fields, problems, depth: 0);
        return fields;
    }

    // Nested fields (structs) become dotted paths so column lineage and search can name them.
    private static void Flatten(IEnumerable<JsonNode> nodes, string prefix, List<SchemaField> into, ParseProblems problems, int depth)
    {
        foreach (var node in nodes)
        {
            if (into.Count >= MetadataLimits.Fields) return;
            var name = node.IsObject ? problems.String(node, "name") : null;
            if (name is null)
            {
                problems.Add(node.Path, "expected a field object with a name; the field was skipped");
                continue;
            }
            var path = prefix + name;
            into.Add(new SchemaField { Name = path, Type = problems.String(node, "type"), Description = problems.String(node, "description") });
            if (depth < 16) Flatten(problems.Array(node, "fields"), path + ".", into, problems, depth + 1);
        }
    }

    private static IEnumerable<HarvestItem> Symlinks(EntityRef dataset, JsonNode facet, ParseProblems problems)
    {
        foreach (var identifier in problems.Array(facet, "identifiers"))
        {
            if (!identifier.IsObject) continue;
            var ns = problems.String(identifier, "namespace");
            var name = problems.String(identifier, "name");
            if (ns is null || name is null || ns.Length > EntityRef.MaxPartLength || name.Length > EntityRef.MaxPartLength) continue;
            var alias = EntityRef.Dataset(ns, name);
            if (alias == dataset) continue;
            yield return new DatasetFound(new Dataset { Entity = new CatalogEntity { Ref = alias, Platform = problems.String(identifier, "type") } }) { FieldsComplete = false };
            yield return new RelationFound(alias, "symlinkOf", dataset);
        }
    }

    // fields: { outField: { inputFields: [ { namespace, name, field, transformations: [ { type, subtype, description } ] } ] } }
    private static IEnumerable<HarvestItem> ColumnLineage(EntityRef target, JsonNode facet, EntityRef? job, ParseProblems problems)
    {
        var fields = problems.Object(facet, "fields");
        if (fields is null) yield break;
        foreach (var (outField, spec) in fields.Value.Properties())
        {
            if (!spec.IsObject) continue;
            var legacyType = problems.String(spec, "transformationType");
            var legacyDescription = problems.String(spec, "transformationDescription");
            foreach (var input in problems.Array(spec, "inputFields"))
            {
                var ns = input.IsObject ? problems.String(input, "namespace") : null;
                var name = input.IsObject ? problems.String(input, "name") : null;
                var field = input.IsObject ? problems.String(input, "field") : null;
                if (ns is null || name is null || field is null || ns.Length > EntityRef.MaxPartLength || name.Length > EntityRef.MaxPartLength)
                {
                    problems.Add(input.Path, "expected an input field with namespace, name and field; it was skipped");
                    continue;
                }
                // One item per transformation (DIRECT/IDENTITY, INDIRECT/FILTER…): the engine keeps them all, in order.
                var edge = new ColumnLineageEdge(new ColumnRef(EntityRef.Dataset(ns, name), field), new ColumnRef(target, outField))
                {
                    TransformationType = legacyType, Description = legacyDescription, Job = job,
                };
                var transformations = problems.Array(input, "transformations").Where(t => t.IsObject).ToList();
                if (transformations.Count == 0) yield return new ColumnLineageFound(edge);
                foreach (var transformation in transformations)
                    yield return new ColumnLineageFound(edge with
                    {
                        TransformationType = problems.String(transformation, "type"),
                        TransformationSubtype = problems.String(transformation, "subtype"),
                        Description = problems.String(transformation, "description"),
                    });
            }
        }
    }

    private static IEnumerable<HarvestItem> Assertions(EntityRef dataset, JsonNode facet, DatasetContext context, ParseProblems problems)
    {
        foreach (var assertion in problems.Array(facet, "assertions"))
        {
            var check = assertion.IsObject ? problems.String(assertion, "assertion") : null;
            if (check is null || assertion["success"] is not { } success || success.Kind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add(assertion.Path, "expected an assertion with 'assertion' (a string) and 'success' (a boolean); it was skipped");
                continue;
            }
            yield return new QualityResultFound(new QualityResult
            {
                Dataset = dataset,
                CheckName = check,
                Column = problems.String(assertion, "column"),
                Framework = "openlineage",
                Status = success.Kind == JsonValueKind.True ? QualityStatus.Passed : QualityStatus.Failed,
                ExecutedAt = context.EventTime,
                RunId = context.RunId,
            });
        }
    }

    // A run's output statistics describe the slice it wrote: the nominal period when there is one, else the event time.
    private static HarvestItem Statistics(EntityRef dataset, JsonNode facet, DatasetContext context, ParseProblems problems)
    {
        var period = context.NominalEnd - context.NominalStart;
        // A local day is 23 or 25 hours long across a daylight-saving change (Europe/Stockholm on 2027-03-28): still a day.
        var granularity = period == TimeSpan.FromHours(1) ? PartitionGranularity.Hourly
            : period == TimeSpan.FromDays(1) || period == TimeSpan.FromHours(23) || period == TimeSpan.FromHours(25) ? PartitionGranularity.Daily
            : PartitionGranularity.None;
        var start = context.NominalStart ?? context.EventTime;
        var key = granularity == PartitionGranularity.None
            ? start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : Partition.KeyFor(start, granularity);
        return new PartitionFound(dataset, new Partition
        {
            Key = key,
            Granularity = granularity,
            RowCount = problems.Long(facet, "rowCount"),
            Bytes = problems.Long(facet, "size"),
            CreatedAt = context.EventTime,
            ProducedByRun = context.RunId,
            // The event names no time zone; the store re-keys a daily partition with its job's schedule zone.
            ProducedByJob = context.Job,
            PeriodStart = granularity == PartitionGranularity.None ? null : start,
        });
    }
}
