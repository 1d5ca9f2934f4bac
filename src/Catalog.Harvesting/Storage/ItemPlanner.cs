using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// Turns each item into an <see cref="ItemPlan"/>, or into a reason it cannot be stored (checked here, before any SQL,
/// so a bad item is reported precisely and never costs the rest of its batch).
/// </summary>
internal static class ItemPlanner
{
    public static (ItemPlan? Plan, string? Problem) Plan(int index, HarvestItem item, PlanContext context)
    {
        switch (item)
        {
            case EntityFound found:
                return Ok(index, item, [.. EntityRefs(found.Entity)], () => [EntityPlans.Entity(found.Entity, context)], found.Entity.Ref);
            case DatasetFound found:
                return Ok(index, item, [.. EntityRefs(found.Dataset.Entity)], () => EntityPlans.Dataset(found, context), found.Dataset.Entity.Ref);
            case WorkflowFound found:
                return Ok(index, item, [.. EntityRefs(found.Workflow.Entity)], () => EntityPlans.Workflow(found.Workflow, context), found.Workflow.Entity.Ref);
            case RunObserved observed:
                return Ok(index, item, [observed.Run.Job], () => [RunPlans.Run(observed.Run)]);
            case LineageFound found:
                return Ok(index, item, [found.Edge.From, found.Edge.To], () => [LineagePlans.Edge(found.Edge, context)]);
            case ColumnLineageFound found:
                if (string.IsNullOrWhiteSpace(found.Edge.From.Field) || string.IsNullOrWhiteSpace(found.Edge.To.Field))
                    return Problem("column lineage needs a field name on both ends");
                return Ok(index, item, [found.Edge.From.Dataset, found.Edge.To.Dataset, .. Optional(found.Edge.Job)],
                    () => [LineagePlans.ColumnEdge(found.Edge, context)]);
            case PartitionFound found:
                if (string.IsNullOrWhiteSpace(found.Partition.Key)) return Problem("a partition needs a key");
                return Ok(index, item, [found.Dataset], () => [LineagePlans.Partition(found)]);
            case RelationFound found:
                if (string.IsNullOrWhiteSpace(found.Type) || found.Type.Length > LineagePlans.MaxRelationLength)
                    return Problem($"relation type must be 1–{LineagePlans.MaxRelationLength} characters");
                return new(new ItemPlan(index, item, [found.From, found.To], () => [LineagePlans.Relation(found, context)])
                { RelationKey = $"{found.From}|{found.Type}|{found.To}" }, null);
            case RetentionDeclared declared:
                var violations = declared.Policy.Validate();
                if (violations.Count > 0)
                    return Problem($"retention of {declared.Dataset}: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}"))}");
                return new(new ItemPlan(index, item, [declared.Dataset], () => [PolicyPlans.Retention(declared, context)])
                { PolicyKey = PolicyPlans.RetentionKey(declared) }, null);
            case AccessDeclared declared:
                return new(new ItemPlan(index, item, [declared.Dataset, declared.Grant.Principal], () => [PolicyPlans.Grant(declared, context)])
                { PolicyKey = PolicyPlans.GrantKey(declared) }, null);
            case FieldClassified classified:
                if (string.IsNullOrWhiteSpace(classified.Field)) return Problem("a field classification needs a field name");
                return Ok(index, item, [classified.Dataset], () => [PolicyPlans.FieldClassification(classified)]);
            case QualityResultFound found:
                if (string.IsNullOrWhiteSpace(found.Result.CheckName)) return Problem("a quality result needs a check name");
                return Ok(index, item, [found.Result.Dataset], () => [FactPlans.Quality(found.Result)]);
            case SchemaVersionFound found:
                if (string.IsNullOrWhiteSpace(found.Version.Fingerprint) || found.Version.Definition is null)
                    return Problem("a schema version needs a fingerprint and a definition");
                return Ok(index, item, [found.Version.Subject], () => [FactPlans.Schema(found.Version)]);
            case FacetFound facet:
                if (string.IsNullOrWhiteSpace(facet.Name) || facet.Name.Length > FactPlans.MaxFacetNameLength)
                    return Problem($"facet name must be 1–{FactPlans.MaxFacetNameLength} characters");
                if (facet.Value.ValueKind == System.Text.Json.JsonValueKind.Undefined)
                    return Problem($"facet '{facet.Name}' has no value");
                return Ok(index, item, [facet.Entity], () => [FactPlans.Facet(facet)]);
            case EntityDeleted deleted:
                return Ok(index, item, [deleted.Entity], () => [FactPlans.Deleted(deleted)]);
            default:
                return Problem($"the engine does not know the item type {item.GetType().Name}");
        }
    }

    private static IEnumerable<EntityRef> EntityRefs(CatalogEntity entity) => [entity.Ref, .. Optional(entity.Owner)];

    private static IEnumerable<EntityRef> Optional(EntityRef? reference) => reference is { } r ? [r] : [];

    private static (ItemPlan?, string?) Ok(int index, HarvestItem item, IReadOnlyList<EntityRef> references,
        Func<IReadOnlyList<PlannedCommand>> commands, EntityRef? describes = null) =>
        (new ItemPlan(index, item, references, commands) { Describes = describes }, null);

    private static (ItemPlan?, string?) Problem(string reason) => (null, reason);
}
