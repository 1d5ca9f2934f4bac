using Catalog.Domain.Lineage;
using Catalog.Plugins.Harvesting;
using static Catalog.Harvesting.Storage.SqlCommands;

namespace Catalog.Harvesting.Storage;

/// <summary>Dataset/job edges, column edges, Backstage relations and partitions.</summary>
internal static class LineagePlans
{
    // last_seen = now() (the transaction's start) marks what this input reported: stale removal keys on it.
    private const string UpsertEdge = """
        INSERT INTO lineage_edges AS l (from_id, to_id, edge_kind, run_id, source_location)
        SELECT f.id, t.id, @kind, @run_id, @source FROM entities f, entities t WHERE f.ref = @from AND t.ref = @to
        ON CONFLICT (from_id, to_id, edge_kind) DO UPDATE SET
            last_seen = now(), removed_at = NULL,
            run_id = COALESCE(EXCLUDED.run_id, l.run_id),
            source_location = COALESCE(EXCLUDED.source_location, l.source_location)
        """;

    private const string UpsertColumnEdge = """
        INSERT INTO column_lineage_edges AS c (from_dataset_id, from_field, to_dataset_id, to_field, transformation_type,
                                               transformation_subtype, description, job_id, source_location, transformations)
        SELECT f.id, @from_field, t.id, @to_field, @type, @subtype, @description,
               (SELECT id FROM entities WHERE ref = @job), @source,
               CASE WHEN @type IS NULL AND @subtype IS NULL THEN '[]'::jsonb
                    ELSE jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('type', @type, 'subtype', @subtype, 'description', @description))) END
        FROM entities f, entities t WHERE f.ref = @from AND t.ref = @to
        ON CONFLICT (from_dataset_id, from_field, to_dataset_id, to_field) DO UPDATE SET
            last_seen = now(), removed_at = NULL,
            -- One input may report several transformations of the same field pair (one item each): within the input
            -- (last_seen = now(), the same transaction) they accumulate and the first stays the primary type; a later
            -- input restates the list, so it replaces what an earlier input said.
            transformations = CASE WHEN c.last_seen = now()
                                   THEN c.transformations || (SELECT COALESCE(jsonb_agg(x), '[]'::jsonb) FROM jsonb_array_elements(EXCLUDED.transformations) x
                                                              WHERE NOT c.transformations @> jsonb_build_array(x))
                                   ELSE EXCLUDED.transformations END,
            transformation_type = CASE WHEN c.last_seen = now() THEN COALESCE(c.transformation_type, EXCLUDED.transformation_type)
                                       ELSE COALESCE(EXCLUDED.transformation_type, c.transformation_type) END,
            transformation_subtype = CASE WHEN c.last_seen = now() THEN COALESCE(c.transformation_subtype, EXCLUDED.transformation_subtype)
                                          ELSE COALESCE(EXCLUDED.transformation_subtype, c.transformation_subtype) END,
            description = CASE WHEN c.last_seen = now() THEN COALESCE(c.description, EXCLUDED.description)
                               ELSE COALESCE(EXCLUDED.description, c.description) END,
            job_id = COALESCE(EXCLUDED.job_id, c.job_id),
            source_location = COALESCE(EXCLUDED.source_location, c.source_location)
        """;

    private const string UpsertRelation = """
        INSERT INTO entity_relations AS r (from_id, relation, to_id, source_location)
        SELECT f.id, @relation, t.id, @source FROM entities f, entities t WHERE f.ref = @from AND t.ref = @to
        ON CONFLICT (from_id, relation, to_id) DO UPDATE SET source_location = COALESCE(EXCLUDED.source_location, r.source_location)
        """;

    private const string UpsertPartition = """
        INSERT INTO partitions AS p (dataset_id, partition_key, granularity, row_count, bytes, created_at, run_id)
        SELECT id, coalesce(partition_schedule_key(@period_start, @granularity, @job), @key), @granularity, @rows, @bytes,
               COALESCE(@created_at, now()), @run_id
        FROM entities WHERE ref = @ref
        ON CONFLICT (dataset_id, partition_key) DO UPDATE SET
            granularity = CASE WHEN EXCLUDED.granularity <> 'none' THEN EXCLUDED.granularity ELSE p.granularity END,
            row_count = COALESCE(EXCLUDED.row_count, p.row_count),
            bytes = COALESCE(EXCLUDED.bytes, p.bytes),
            run_id = COALESCE(EXCLUDED.run_id, p.run_id)
        """;

    public const int MaxRelationLength = 64;

    public static PlannedCommand Edge(LineageEdge edge, PlanContext context) => new(Command(UpsertEdge,
        Text("from", edge.From.ToString()), Text("to", edge.To.ToString()), Text("kind", Wire.Of(edge.Kind)),
        Uuid("run_id", edge.RunId), Text("source", context.ClaimedLocation)));

    public static PlannedCommand ColumnEdge(ColumnLineageEdge edge, PlanContext context) => new(Command(UpsertColumnEdge,
        Text("from", edge.From.Dataset.ToString()), Text("from_field", Bound.Text(edge.From.Field, Domain.Entities.MetadataLimits.FieldName)),
        Text("to", edge.To.Dataset.ToString()), Text("to_field", Bound.Text(edge.To.Field, Domain.Entities.MetadataLimits.FieldName)),
        Text("type", Bound.Text(edge.TransformationType, Domain.Entities.MetadataLimits.Tag)),
        Text("subtype", Bound.Text(edge.TransformationSubtype, Domain.Entities.MetadataLimits.Tag)),
        Text("description", Bound.Text(edge.Description, Domain.Entities.MetadataLimits.Reason)),
        Text("job", edge.Job?.ToString()), Text("source", context.ClaimedLocation)));

    public static PlannedCommand Relation(RelationFound relation, PlanContext context) => new(Command(UpsertRelation,
        Text("from", relation.From.ToString()), Text("relation", relation.Type), Text("to", relation.To.ToString()),
        Text("source", context.ClaimedLocation)));

    public static PlannedCommand Partition(PartitionFound found) => new(Command(UpsertPartition,
        Text("ref", found.Dataset.ToString()), Text("key", Bound.Text(found.Partition.Key, Domain.Entities.MetadataLimits.Tag)),
        Text("granularity", Wire.Of(found.Partition.Granularity)),
        Long("rows", found.Partition.RowCount), Long("bytes", found.Partition.Bytes),
        Time("created_at", found.Partition.CreatedAt == default ? null : found.Partition.CreatedAt),
        Uuid("run_id", found.Partition.ProducedByRun),
        Time("period_start", found.Partition.PeriodStart), Text("job", found.Partition.ProducedByJob?.ToString())));
}
