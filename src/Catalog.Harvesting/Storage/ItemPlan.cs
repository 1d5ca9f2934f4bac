using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// How one harvest item becomes SQL: the entities it refers to (created as stubs when unknown, and locked),
/// the entity it describes (for stale removal), and the commands that upsert it.
/// Commands are built on demand because an Npgsql batch command belongs to one batch.
/// </summary>
internal sealed record ItemPlan(int Index, HarvestItem Item, IReadOnlyList<EntityRef> References, Func<IReadOnlyList<PlannedCommand>> Commands)
{
    /// <summary>Set for items that describe an entity: a Full input's entities not described again are stale.</summary>
    public EntityRef? Describes { get; init; }

    /// <summary>Relation identity (from|type|to) for stale removal of relations.</summary>
    public string? RelationKey { get; init; }

    /// <summary>
    /// Descriptor policy identity for stale removal: <c>retention|{ref}</c> or <c>grant|{ref}|{principal}|{permission}</c>
    /// (the same strings <see cref="StaleRemover"/> builds from the stored rows).
    /// </summary>
    public string? PolicyKey { get; init; }

    /// <summary>The entity this item reports in full (an entity, a dataset, a workflow), if any.</summary>
    public CatalogEntity? ReportedEntity => Item switch
    {
        EntityFound found => found.Entity,
        DatasetFound found => found.Dataset.Entity,
        WorkflowFound found => found.Workflow.Entity,
        _ => null,
    };

    public string Describe() => $"item {Index + 1} ({Item.GetType().Name}{(Describes is { } r ? " " + r : "")})";
}

/// <summary>A command, and the error to record when it affected no row (a facet that would exceed its bound).</summary>
internal sealed record PlannedCommand(NpgsqlBatchCommand Command, string? ErrorWhenNoRow = null);

/// <summary>What the planner needs to know about the input: who reports and whether it owns what it reports.</summary>
internal sealed record PlanContext(string Harvester, string Location, HarvestMode Mode)
{
    /// <summary>The trust rule of this input's source for an entity (by its namespace); null trusts it as before the trust model.</summary>
    public Func<EntityRef, Trust.SourceRule>? Rules { get; init; }

    /// <summary>The source to record as the entity's describer: set only for authoritative sources.</summary>
    public string? DescribedBy(EntityRef entity) => Rules?.Invoke(entity) is { } rule ? (rule.Authoritative ? rule.Source : null) : null;

    /// <summary>True when this source may not rewrite what an authoritative source described.</summary>
    public bool Guarded(EntityRef entity) => Rules?.Invoke(entity) is { Authoritative: false };

    /// <summary>Only Full inputs claim what they report; a pushed (delta) event never takes an entity from its file.</summary>
    public string? ClaimedLocation => Mode == HarvestMode.Full ? Location : null;

    public string Actor => $"harvester:{Harvester}";
}
