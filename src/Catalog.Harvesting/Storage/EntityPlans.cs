using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Domain.Workflows;
using Catalog.Plugins.Harvesting;
using static Catalog.Harvesting.Storage.SqlCommands;

namespace Catalog.Harvesting.Storage;

/// <summary>Entities, datasets with their fields, and workflows: merged into what is known, later non-null values win.</summary>
internal static class EntityPlans
{
    // A reported lifecycle other than 'active' is news; 'active' only revives an entity that stale removal took away
    // (a producer's DROP is not undone by an unrelated later mention). 'internal' is the default classification, so
    // it never downgrades a classification someone declared. Visibility works the same way and fails closed: a harvest
    // can restrict an entity but never open it up again (most sources cannot say "everyone"; the portal can).
    private const string UpsertEntity = $"""
        INSERT INTO entities AS e (kind, namespace, name, title, description, owner_ref, platform, location,
                                   classification, visibility, lifecycle, tags, source_location, removed_at, described_by)
        VALUES (@kind, @namespace, @name, @title, @description, @owner, @platform, @location,
                @classification, @visibility, @lifecycle, @tags, @source, CASE WHEN @lifecycle IN ('removed', 'deleted') THEN now() END, @described_by)
        ON CONFLICT (kind, namespace, name) DO UPDATE SET
            ({EntityColumns}) = ({EntityMerge}),
            updated_at = now()
        WHERE ({StoredEntity}) IS DISTINCT FROM ({EntityMerge})
        """;

    // The merged values, once for SET and once for WHERE: an entity reported again unchanged (most pushed events) is
    // not rewritten, so its row, its search document and its indexes are left alone and updated_at says when it last
    // changed.
    private const string EntityColumns =
        "title, description, owner_ref, platform, location, classification, visibility, lifecycle, removed_at, tags, source_location, described_by";

    private const string StoredEntity =
        "e.title, e.description, e.owner_ref, e.platform, e.location, e.classification, e.visibility, e.lifecycle, e.removed_at, e.tags, e.source_location, e.described_by";

    // A source that is not authoritative (@guarded, see TrustOptions) only fills what an authoritative source that
    // described the entity (described_by) left empty: a producer's push never rewrites the owners' description.
    private const string Protected = "@guarded AND e.described_by IS NOT NULL";

    private const string EntityMerge = $$"""
        CASE WHEN {{Protected}} THEN COALESCE(e.title, EXCLUDED.title) ELSE COALESCE(EXCLUDED.title, e.title) END,
        CASE WHEN {{Protected}} THEN COALESCE(e.description, EXCLUDED.description) ELSE COALESCE(EXCLUDED.description, e.description) END,
        COALESCE(EXCLUDED.owner_ref, e.owner_ref),
        COALESCE(EXCLUDED.platform, e.platform),
        COALESCE(EXCLUDED.location, e.location),
        CASE WHEN EXCLUDED.classification <> 'internal' THEN EXCLUDED.classification ELSE e.classification END,
        CASE WHEN EXCLUDED.visibility = 'restricted' THEN 'restricted' ELSE e.visibility END,
        CASE WHEN EXCLUDED.lifecycle <> 'active' THEN EXCLUDED.lifecycle WHEN e.lifecycle = 'removed' THEN 'active' ELSE e.lifecycle END,
        CASE WHEN EXCLUDED.lifecycle IN ('removed', 'deleted') THEN COALESCE(e.removed_at, now())
             WHEN e.lifecycle = 'removed' THEN NULL ELSE e.removed_at END,
        (SELECT COALESCE(array_agg(t ORDER BY first), '{}')
         FROM (SELECT t, min(o) AS first FROM unnest(e.tags || EXCLUDED.tags) WITH ORDINALITY AS u(t, o)
               GROUP BY t ORDER BY min(o) LIMIT 100) AS kept),
        COALESCE(EXCLUDED.source_location, e.source_location),
        COALESCE(EXCLUDED.described_by, e.described_by)
        """;

    private const string UpsertDataset = $"""
        INSERT INTO datasets AS d (entity_id, partitioning, storage_class)
        SELECT id, @partitioning, @storage_class FROM entities WHERE ref = @ref
        ON CONFLICT (entity_id) DO UPDATE SET
            (partitioning, storage_class) = ({DatasetMerge})
        WHERE (d.partitioning, d.storage_class) IS DISTINCT FROM ({DatasetMerge})
        """;

    private const string DatasetMerge =
        "CASE WHEN EXCLUDED.partitioning <> 'none' THEN EXCLUDED.partitioning ELSE d.partitioning END, COALESCE(EXCLUDED.storage_class, d.storage_class)";

    // The schema of an entity an authoritative source described is that source's to change (see Protected).
    private const string DeleteFieldsNotIn = $"""
        DELETE FROM dataset_fields WHERE entity_id = (SELECT id FROM entities e WHERE ref = @ref AND NOT ({Protected})) AND NOT (name = ANY(@names))
        """;

    // Merged field lists append new fields after the known ones; complete lists also set the order. Unchanged fields
    // are not rewritten (see UpsertEntity).
    private const string UpsertFields = $"""
        INSERT INTO dataset_fields AS f (entity_id, ordinal, name, data_type, description, nullable, tags, classification)
        SELECT e.id,
               CASE WHEN @complete THEN u.ordinal
                    ELSE COALESCE((SELECT max(ordinal) + 1 FROM dataset_fields WHERE entity_id = e.id), 0) + u.ordinal END,
               u.name, u.data_type, u.description, u.nullable,
               ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)), u.classification
        FROM entities e,
             unnest(@ordinals, @names, @types, @descriptions, @nullables, @tags, @classifications)
                 AS u(ordinal, name, data_type, description, nullable, tags, classification)
        WHERE e.ref = @ref AND NOT ({Protected})
        ON CONFLICT (entity_id, name) DO UPDATE SET
            ({FieldColumns}) = ({FieldMerge})
        WHERE ({StoredField}) IS DISTINCT FROM ({FieldMerge})
        """;

    private const string FieldColumns = "ordinal, data_type, description, nullable, tags, classification";

    private const string StoredField = "f.ordinal, f.data_type, f.description, f.nullable, f.tags, f.classification";

    private const string FieldMerge = """
        CASE WHEN @complete THEN EXCLUDED.ordinal ELSE f.ordinal END,
        COALESCE(EXCLUDED.data_type, f.data_type),
        COALESCE(EXCLUDED.description, f.description),
        COALESCE(EXCLUDED.nullable, f.nullable),
        CASE WHEN cardinality(EXCLUDED.tags) > 0 THEN EXCLUDED.tags ELSE f.tags END,
        COALESCE(EXCLUDED.classification, f.classification)
        """;

    private const string UpsertJob = $"""
        INSERT INTO jobs AS j (entity_id, job_type, schedule_kind, cron, time_zone, deadline_minutes, sql, source_code_url)
        SELECT id, @job_type, @schedule_kind, @cron, @time_zone, @deadline, @sql, @source_code_url FROM entities WHERE ref = @ref
        ON CONFLICT (entity_id) DO UPDATE SET
            ({JobColumns}) = ({JobMerge})
        WHERE ({StoredJob}) IS DISTINCT FROM ({JobMerge})
        """;

    private const string JobColumns = "job_type, schedule_kind, cron, time_zone, deadline_minutes, sql, source_code_url";

    private const string StoredJob =
        "j.job_type, j.schedule_kind, j.cron, j.time_zone, j.deadline_minutes, j.sql, j.source_code_url";

    private const string JobMerge = """
        COALESCE(EXCLUDED.job_type, j.job_type),
        CASE WHEN EXCLUDED.schedule_kind <> 'none' THEN EXCLUDED.schedule_kind ELSE j.schedule_kind END,
        CASE WHEN EXCLUDED.schedule_kind <> 'none' THEN EXCLUDED.cron ELSE j.cron END,
        CASE WHEN EXCLUDED.schedule_kind <> 'none' THEN EXCLUDED.time_zone ELSE j.time_zone END,
        CASE WHEN EXCLUDED.schedule_kind <> 'none' THEN EXCLUDED.deadline_minutes ELSE j.deadline_minutes END,
        COALESCE(EXCLUDED.sql, j.sql),
        COALESCE(EXCLUDED.source_code_url, j.source_code_url)
        """;

    /// <summary>SQL text bigger than this is cut: a job's SQL is shown, not executed.</summary>
    public const int MaxSqlLength = 256 * 1024;

    public static PlannedCommand Entity(CatalogEntity entity, PlanContext context)
    {
        var v = Values(entity, context.ClaimedLocation, context.DescribedBy(entity.Ref));
        return new(Command(UpsertEntity, Text("described_by", v.DescribedBy), Bool("guarded", context.Guarded(entity.Ref)),
            Text("kind", v.Kind), Text("namespace", v.Namespace), Text("name", v.Name), Text("title", v.Title),
            Text("description", v.Description), Text("owner", v.Owner), Text("platform", v.Platform), Text("location", v.Location),
            Text("classification", v.Classification), Text("visibility", v.Visibility), Text("lifecycle", v.Lifecycle),
            TextArray("tags", v.Tags), Text("source", v.Source)));
    }

    /// <summary>
    /// An entity's values bounded as the upsert writes them. The batch's stub statement inserts a new entity with
    /// these same values, so the upsert that follows finds nothing to change and does not rebuild its search document
    /// a second time.
    /// </summary>
    public static EntityValues Values(CatalogEntity entity, string? claimedLocation, string? describedBy) => new(
        entity.Ref.Kind, entity.Ref.Namespace, entity.Ref.Name,
        Bound.Text(entity.Title, MetadataLimits.Title), Bound.Text(entity.Description, MetadataLimits.Description),
        entity.Owner?.ToString(), Bound.Text(entity.Platform, MetadataLimits.Title), Bound.Text(entity.Location, MetadataLimits.FieldType),
        Wire.Of(entity.Classification), Wire.Of(entity.Visibility), Wire.Of(entity.Lifecycle), Bound.Tags(entity.Tags), claimedLocation, describedBy);

    public static IReadOnlyList<PlannedCommand> Dataset(DatasetFound found, PlanContext context)
    {
        var dataset = found.Dataset;
        var reference = dataset.Entity.Ref.ToString();
        var commands = new List<PlannedCommand>
        {
            Entity(dataset.Entity, context),
            new(Command(UpsertDataset, Text("ref", reference), Text("partitioning", Wire.Of(dataset.Partitioning)),
                Text("storage_class", Bound.Text(dataset.StorageClass, MetadataLimits.Tag)))),
        };
        var fields = Bound.Fields(dataset.Fields);
        // An empty list never means "this dataset has no columns": it means the source said nothing about them.
        if (fields.Count == 0) return commands;
        if (found.FieldsComplete)
            commands.Add(new(Command(DeleteFieldsNotIn, Text("ref", reference), Bool("guarded", context.Guarded(dataset.Entity.Ref)),
                TextArray("names", fields.Select(f => f.Name)))));
        commands.Add(new(Command(UpsertFields, Text("ref", reference), Bool("complete", found.FieldsComplete), Bool("guarded", context.Guarded(dataset.Entity.Ref)),
            IntArray("ordinals", Enumerable.Range(0, fields.Count)),
            TextArray("names", fields.Select(f => f.Name)),
            TextArray("types", fields.Select(f => f.Type)),
            TextArray("descriptions", fields.Select(f => f.Description)),
            BoolArray("nullables", fields.Select(f => f.Nullable)),
            TextArray("tags", fields.Select(f => System.Text.Json.JsonSerializer.Serialize(f.Tags))),
            TextArray("classifications", fields.Select(f => f.Classification is { } c ? Wire.Of(c) : null)))));
        return commands;
    }

    public static IReadOnlyList<PlannedCommand> Workflow(Workflow workflow, PlanContext context) =>
    [
        Entity(workflow.Entity, context),
        new(Command(UpsertJob, Text("ref", workflow.Entity.Ref.ToString()),
            Text("job_type", Bound.Text(workflow.JobType, MetadataLimits.Tag)),
            Text("schedule_kind", Wire.Of(workflow.Schedule.Kind)),
            Text("cron", Bound.Text(workflow.Schedule.Cron, MetadataLimits.Tag)),
            Text("time_zone", Bound.Text(workflow.Schedule.TimeZone, MetadataLimits.Tag) ?? "UTC"),
            Int("deadline", (int)Math.Clamp(workflow.Schedule.Deadline.TotalMinutes, 0, 100_000)),
            Text("sql", Bound.Text(workflow.Sql, MaxSqlLength)),
            Text("source_code_url", Bound.Text(workflow.SourceCodeUrl, MetadataLimits.FieldType)))),
    ];
}

/// <summary>The columns of an entity row as a harvest writes them (see <see cref="EntityPlans.Values"/>).</summary>
internal sealed record EntityValues(string Kind, string Namespace, string Name, string? Title, string? Description, string? Owner,
    string? Platform, string? Location, string Classification, string Visibility, string Lifecycle, IReadOnlyList<string> Tags, string? Source,
    string? DescribedBy);
