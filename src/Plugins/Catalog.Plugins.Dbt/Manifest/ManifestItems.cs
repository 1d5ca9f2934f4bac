using Catalog.Plugins.Dbt.Artifacts;
using System.Text.Json;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Policies;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.Dbt.Manifest;

/// <summary>
/// A manifest's catalog items. Lineage uses one job per built node (model, seed, snapshot): the job reads the
/// node's <c>depends_on</c> upstreams and writes the node, so run_results can attach runs to it. Tests become a
/// <c>qualityChecks</c> facet on the dataset they test; their outcomes come from run_results.
/// </summary>
public sealed class ManifestItems(DbtManifest manifest, DbtNaming naming, DbtOptions options)
{
    public IEnumerable<HarvestItem> All()
    {
        foreach (var node in manifest.Nodes.Values)
        {
            if (node.IsExternal)
            {
                // A mesh upstream: named so lineage joins the other project's dataset; its own manifest describes it.
                yield return new DatasetFound(new Dataset { Entity = new CatalogEntity { Ref = naming.Dataset(node), Platform = manifest.Adapter, Location = node.RelationName } })
                { FieldsComplete = false };
                continue;
            }
            foreach (var item in Dataset(node)) yield return item;
            if (node.IsBuilt) foreach (var item in Build(node)) yield return item;
        }
        foreach (var item in QualityChecks()) yield return item;
        foreach (var item in Exposures()) yield return item;
    }

    public IEnumerable<DbtProblem> UnknownReferences() =>
        manifest.Nodes.Values.Where(n => n.IsBuilt)
            .SelectMany(n => n.DependsOn.Where(d => IsDataNode(d) && !manifest.Nodes.ContainsKey(d))
                .Select(d => new DbtProblem($"$.nodes[\"{n.UniqueId}\"].depends_on.nodes", $"refers to '{d}', which this manifest does not define; that edge was skipped")));

    public CatalogEntity Entity(DbtNode node) => new()
    {
        Ref = naming.Dataset(node),
        Title = MetadataLimits.Truncate(node.Name, MetadataLimits.Title),
        Description = MetadataLimits.Truncate(node.Description, MetadataLimits.Description),
        Owner = OwnerOf(node.Owner),
        Platform = manifest.Adapter,
        Location = node.RelationName ?? naming.Dataset(node).Name,
        Tags = Tags(node.Tags.Prepend($"dbt-{node.ResourceType}")),
    };

    public IReadOnlyList<SchemaField> Fields(DbtNode node) => node.Columns.Take(MetadataLimits.Fields).Select(c => new SchemaField
    {
        Name = MetadataLimits.Truncate(c.Name, MetadataLimits.FieldName)!,
        Type = MetadataLimits.Truncate(c.DataType, MetadataLimits.FieldType),
        Description = MetadataLimits.Truncate(c.Description, MetadataLimits.Description),
        Tags = Tags(c.Tags),
        Classification = ClassificationOf(c),
    }).ToList();

    private IEnumerable<HarvestItem> Dataset(DbtNode node)
    {
        var entity = Entity(node);
        // Manifest columns are the documented ones only; catalog.json knows the complete list.
        yield return new DatasetFound(new Dataset { Entity = entity, Fields = Fields(node) }) { FieldsComplete = false };
        if (entity.Owner is { } owner) yield return new RelationFound(entity.Ref, "ownedBy", owner);
        yield return new FacetFound(entity.Ref, "dbt", JsonSerializer.SerializeToElement(new
        {
            uniqueId = node.UniqueId,
            resourceType = node.ResourceType,
            package = node.Package,
            materialized = node.Materialized,
            version = node.Version,
            latestVersion = node.LatestVersion,
            access = node.Access,
            group = node.Group,
            originalFilePath = node.OriginalFilePath,
            dbtVersion = manifest.DbtVersion,
            meta = node.Meta,
        }));
    }

    private IEnumerable<HarvestItem> Build(DbtNode node)
    {
        var job = naming.Job(node);
        var dataset = naming.Dataset(node);
        yield return new WorkflowFound(new Workflow
        {
            Entity = new CatalogEntity
            {
                Ref = job,
                Title = node.Version is null ? node.Name : $"{node.Name} v{node.Version}",
                Description = $"dbt {node.ResourceType} {node.UniqueId} ({node.Materialized ?? "default materialization"})",
                Owner = OwnerOf(node.Owner),
                Platform = "dbt",
                Tags = Tags(node.Tags.Prepend("dbt")),
            },
            JobType = $"BATCH/DBT/{node.ResourceType.ToUpperInvariant()}",
            Sql = MetadataLimits.Truncate(node.Sql, options.MaxSqlLength),
        });
        foreach (var upstream in node.DependsOn.Distinct())
            if (manifest.Nodes.TryGetValue(upstream, out var source))
                yield return new LineageFound(new LineageEdge(naming.Dataset(source), job, LineageEdgeKind.Reads));
        yield return new LineageFound(new LineageEdge(job, dataset, LineageEdgeKind.Writes));
    }

    private IEnumerable<HarvestItem> QualityChecks()
    {
        foreach (var group in manifest.Tests.Where(t => t.AttachedNode is not null).GroupBy(t => t.AttachedNode!))
        {
            if (!manifest.Nodes.TryGetValue(group.Key, out var node)) continue;
            yield return new FacetFound(naming.Dataset(node), "qualityChecks", JsonSerializer.SerializeToElement(group.Select(t => new
            {
                framework = "dbt",
                name = t.Name,
                uniqueId = t.UniqueId,
                type = t.TestType,
                column = t.Column,
                severity = t.Severity,
            })));
        }
    }

    private IEnumerable<HarvestItem> Exposures()
    {
        foreach (var exposure in manifest.Exposures)
        {
            var reference = new EntityRef(EntityKind.Component, naming.DatasetNamespace, $"{exposure.Package}.{exposure.Name}");
            var owner = exposure.OwnerName ?? exposure.OwnerEmail;
            yield return new EntityFound(new CatalogEntity
            {
                Ref = reference,
                Title = exposure.Name,
                Description = MetadataLimits.Truncate(
                    string.Join(" ", new[] { exposure.Description, owner is null ? null : $"Owner: {owner}.", exposure.Url }.Where(s => s is not null)),
                    MetadataLimits.Description),
                Platform = "dbt",
                Location = exposure.Url,
                Tags = Tags(exposure.Tags.Prepend($"dbt-exposure-{exposure.Type ?? "unknown"}")),
            });
            foreach (var upstream in exposure.DependsOn)
                if (manifest.Nodes.TryGetValue(upstream, out var node))
                    yield return new RelationFound(reference, "dependsOn", naming.Dataset(node));
        }
    }

    private static bool IsDataNode(string uniqueId) =>
        uniqueId.StartsWith("model.", StringComparison.Ordinal) || uniqueId.StartsWith("seed.", StringComparison.Ordinal)
        || uniqueId.StartsWith("snapshot.", StringComparison.Ordinal) || uniqueId.StartsWith("source.", StringComparison.Ordinal);

    private static EntityRef? OwnerOf(string? owner) =>
        string.IsNullOrWhiteSpace(owner) || owner.Length > EntityRef.MaxPartLength ? null : EntityRef.Group(owner.Trim().ToLowerInvariant());

    /// <summary>A column tagged <c>pii</c> (or with <c>meta.classification</c>/<c>meta.pii: true</c>) is classified at the source.</summary>
    private static Classification? ClassificationOf(DbtColumn column)
    {
        if (column.Meta is { } meta)
        {
            if (meta.String("classification") is { } declared && Classifications.TryParse(declared, out var parsed)) return parsed;
            if (meta.TryGetProperty("pii", out var pii) && pii.ValueKind == JsonValueKind.True) return Classification.Pii;
        }
        return column.Tags.Any(t => Classifications.TryParse(t, out var c) && c == Classification.Pii) ? Classification.Pii : null;
    }

    private static IReadOnlyList<string> Tags(IEnumerable<string> tags) =>
        tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => MetadataLimits.Truncate(t, MetadataLimits.Tag)!).Distinct().Take(MetadataLimits.Tags).ToList();
}
