using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Harvesting.Storage;
using Catalog.Plugins.Harvesting;

namespace Catalog.Harvesting.Trust;

/// <summary>
/// Applies the trust model to one input's items before anything is planned: governance facts the source may not set
/// in an entity's namespace are taken out and kept as a <see cref="ClaimedFacet"/>; for a pushed input, whatever it
/// says about an entity outside its token's namespaces is refused with an error (the rest of the input lands).
/// Descriptions and schemas are guarded later, in SQL, where the entity's describing source is known.
/// </summary>
internal sealed class TrustFilter(TrustOptions options, string source, HarvestInput input)
{
    public string Source { get; } = source;

    private readonly Dictionary<string, SourceRule> rules = new(StringComparer.Ordinal);

    /// <summary>The source's rule in the entity's namespace (resolved once per namespace and input).</summary>
    public SourceRule RuleFor(EntityRef entity)
    {
        var ns = entity.Namespace ?? "";
        if (!rules.TryGetValue(ns, out var rule)) rules[ns] = rule = options.RuleFor(Source, ns);
        return rule;
    }

    public (List<HarvestItem> Items, List<HarvestError> Errors) Apply(IReadOnlyList<HarvestItem> items)
    {
        var kept = new List<HarvestItem>(items.Count);
        var refused = new SortedSet<string>(StringComparer.Ordinal);
        var claims = new ClaimedFacet.Builder(Source, input.Location, input.PushedBy);
        foreach (var item in items)
        {
            if (Writes(item) is { } written && input.PushedBy is { } pusher && !pusher.MayWrite(written.Namespace ?? ""))
            {
                refused.Add(written.ToString());
                continue;
            }
            if (Filter(item, claims) is { } allowed) kept.Add(allowed);
        }
        kept.AddRange(claims.Facets());
        var errors = refused.Select(r => new HarvestError(input.Location,
            $"{r}: {Describe(input.PushedBy!)} may write only the namespaces {string.Join(", ", input.PushedBy!.Namespaces!)}; nothing this input said about it was applied")
        { Position = "namespace" }).ToList();
        return (kept, errors);
    }

    private static string Describe(HarvestPusher pusher) => pusher.TokenId is { } id ? $"API token {id}" : pusher.Actor;

    private HarvestItem? Filter(HarvestItem item, ClaimedFacet.Builder claims)
    {
        switch (item)
        {
            case EntityFound found: return found with { Entity = Entity(found.Entity, claims) };
            case WorkflowFound found: return found with { Workflow = found.Workflow with { Entity = Entity(found.Workflow.Entity, claims) } };
            case DatasetFound found:
                var rule = RuleFor(found.Dataset.Entity.Ref);
                var fields = found.Dataset.Fields;
                if (!rule.May(GovernanceFact.Classification) && fields.Any(f => f.Classification is not null))
                {
                    foreach (var field in fields.Where(f => f.Classification is not null))
                        claims.Add(found.Dataset.Entity.Ref, GovernanceFact.Classification, new { field = field.Name, classification = Wire.Of(field.Classification!.Value) });
                    fields = [.. fields.Select(f => f with { Classification = null })];
                }
                return found with { Dataset = found.Dataset with { Entity = Entity(found.Dataset.Entity, claims), Fields = fields } };
            case RelationFound { Type: "ownedBy" } relation when !RuleFor(relation.From).May(GovernanceFact.Owner):
                claims.Add(relation.From, GovernanceFact.Owner, relation.To.ToString());
                return null;
            case RelationFound { Type: "memberOf" } relation when !RuleFor(relation.From).May(GovernanceFact.Access):
                claims.Add(relation.From, GovernanceFact.Access, new { memberOf = relation.To.ToString() });
                return null;
            case AccessDeclared declared when !RuleFor(declared.Dataset).May(GovernanceFact.Access):
                claims.Add(declared.Dataset, GovernanceFact.Access, new { principal = declared.Grant.Principal.ToString(), permission = Wire.Of(declared.Grant.Permission) });
                return null;
            case RetentionDeclared declared when !RuleFor(declared.Dataset).May(GovernanceFact.Retention):
                claims.Add(declared.Dataset, GovernanceFact.Retention, new { mode = Wire.Of(declared.Policy.Mode), value = declared.Policy.Value });
                return null;
            case FieldClassified classified when !RuleFor(classified.Dataset).May(GovernanceFact.Classification):
                claims.Add(classified.Dataset, GovernanceFact.Classification, new { field = classified.Field, classification = Wire.Of(classified.Classification) });
                return null;
            default: return item;
        }
    }

    private CatalogEntity Entity(CatalogEntity entity, ClaimedFacet.Builder claims)
    {
        var rule = RuleFor(entity.Ref);
        if (entity.Owner is { } owner && !rule.May(GovernanceFact.Owner))
        {
            claims.Add(entity.Ref, GovernanceFact.Owner, owner.ToString());
            entity = entity with { Owner = null };
        }
        if (entity.Classification != Classification.Internal && !rule.May(GovernanceFact.Classification))
        {
            claims.Add(entity.Ref, GovernanceFact.Classification, Wire.Of(entity.Classification));
            entity = entity with { Classification = Classification.Internal };
        }
        if (entity.Visibility == Visibility.Restricted && !rule.May(GovernanceFact.Access))
        {
            claims.Add(entity.Ref, GovernanceFact.Access, new { visibility = Wire.Of(entity.Visibility) });
            entity = entity with { Visibility = Visibility.Everyone };
        }
        return entity;
    }

    /// <summary>The entity an item writes (describes, changes or adds facts to); references it only reads are not writes.</summary>
    internal static EntityRef? Writes(HarvestItem item) => item switch
    {
        EntityFound found => found.Entity.Ref,
        DatasetFound found => found.Dataset.Entity.Ref,
        WorkflowFound found => found.Workflow.Entity.Ref,
        RunObserved observed => observed.Run.Job,
        LineageFound found => found.Edge.To,
        ColumnLineageFound found => found.Edge.To.Dataset,
        PartitionFound found => found.Dataset,
        RelationFound found => found.From,
        RetentionDeclared declared => declared.Dataset,
        AccessDeclared declared => declared.Dataset,
        FieldClassified classified => classified.Dataset,
        QualityResultFound found => found.Result.Dataset,
        SchemaVersionFound found => found.Version.Subject,
        FacetFound facet => facet.Entity,
        EntityDeleted deleted => deleted.Entity,
        _ => null,
    };
}
