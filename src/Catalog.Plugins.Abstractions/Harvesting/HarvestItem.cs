using System.Text.Json;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Policies;
using Catalog.Domain.Quality;
using Catalog.Domain.Workflows;

namespace Catalog.Plugins.Harvesting;

/// <summary>
/// What a harvester can report. Each item is a fact about the catalog; the sink turns them into upserts.
/// Items are additive within a batch: an entity reported twice is merged (later non-null values win).
/// </summary>
public abstract record HarvestItem;

/// <summary>Any entity (group, user, system, component…). Datasets and jobs use their own items for their detail.</summary>
public sealed record EntityFound(CatalogEntity Entity) : HarvestItem;

/// <summary>
/// A dataset and its schema. <see cref="FieldsComplete"/> says the field list is the whole schema (replace);
/// when false the fields are merged into what is known (an OpenLineage event that names only some columns).
/// </summary>
public sealed record DatasetFound(Dataset Dataset) : HarvestItem
{
    public bool FieldsComplete { get; init; } = true;
}

public sealed record WorkflowFound(Workflow Workflow) : HarvestItem;

/// <summary>A run started, progressed or finished. States only move forward (a late START never undoes COMPLETE).</summary>
public sealed record RunObserved(Run Run) : HarvestItem;

public sealed record LineageFound(LineageEdge Edge) : HarvestItem;

public sealed record ColumnLineageFound(ColumnLineageEdge Edge) : HarvestItem;

public sealed record PartitionFound(EntityRef Dataset, Partition Partition) : HarvestItem;

/// <summary>
/// A relation between entities in Backstage's vocabulary: <c>ownedBy</c>, <c>memberOf</c>, <c>partOf</c>,
/// <c>dependsOn</c>, <c>providesApi</c>, <c>consumesApi</c>, <c>parentOf</c>, <c>hasPart</c>.
/// </summary>
public sealed record RelationFound(EntityRef From, string Type, EntityRef To) : HarvestItem;

/// <summary>A retention policy declared at the source (descriptor YAML). Portal edits win over declarations; see docs.</summary>
public sealed record RetentionDeclared(EntityRef Dataset, RetentionPolicy Policy) : HarvestItem;

public sealed record AccessDeclared(EntityRef Dataset, AccessGrant Grant) : HarvestItem;

/// <summary>A column's classification declared at the source (e.g. a PII tag in dbt meta or a descriptor).</summary>
public sealed record FieldClassified(EntityRef Dataset, string Field, Classification Classification) : HarvestItem;

public sealed record QualityResultFound(QualityResult Result) : HarvestItem;

/// <summary>A version of an event type's schema; compatibility is classified by the harvester that understands the format.</summary>
public sealed record SchemaVersionFound(Domain.Schemas.SchemaVersion Version) : HarvestItem;

/// <summary>A facet the catalog has no model for, kept verbatim and shown on the entity page.</summary>
public sealed record FacetFound(EntityRef Entity, string Name, JsonElement Value) : HarvestItem;

/// <summary>A producer says the entity was dropped (OpenLineage lifecycleStateChange DROP).</summary>
public sealed record EntityDeleted(EntityRef Entity) : HarvestItem;
