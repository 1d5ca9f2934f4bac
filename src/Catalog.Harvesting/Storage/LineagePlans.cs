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
                                               transformation_subtype, description, job_id, source_location)
        SELECT f.id, @from_field, t.id, @to_field, @type, @subtype, @description,
               (SELECT id FROM entities WHERE ref = @job), @source
        FROM entities f, entities t WHERE f.ref = @from AND t.ref = @to
        ON CONFLICT (from_dataset_id, from_field, to_dataset_id, to_field) DO UPDATE SET
            last_seen = now(), removed_at = NULL,
            transformation_type = COALESCE(EXCLUDED.transformation_type, c.transformation_type),
            transformation_subtype = COALESCE(EXCLUDED.transformation_subtype, c.transformation_subtype),
            description = COALESCE(EXCLUDED.description, c.description),
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
        SELECT id, @key, @granularity, @rows, @bytes, COALESCE(@created_at, now()), @run_id FROM entities WHERE ref = @ref
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
        Uuid("run_id", found.Partition.ProducedByRun)));
}
