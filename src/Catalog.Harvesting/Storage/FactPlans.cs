using Catalog.Domain.Entities;
using Catalog.Domain.Quality;
using Catalog.Domain.Schemas;
using Catalog.Plugins.Harvesting;
using static Catalog.Harvesting.Storage.SqlCommands;

namespace Catalog.Harvesting.Storage;

/// <summary>Quality outcomes, schema versions, verbatim facets and drops.</summary>
internal static class FactPlans
{
    private const string UpsertQuality = """
        INSERT INTO quality_results AS q (dataset_id, check_name, column_name, framework, status, executed_at, message, run_id)
        SELECT id, @check, @column, @framework, @status, COALESCE(@executed_at, now()), @message, @run_id FROM entities WHERE ref = @ref
        ON CONFLICT (dataset_id, check_name, framework, executed_at) DO UPDATE SET
            status = EXCLUDED.status, column_name = EXCLUDED.column_name, message = EXCLUDED.message,
            run_id = COALESCE(EXCLUDED.run_id, q.run_id)
        """;

    // A known fingerprint is the same schema: nothing to add. A new one takes the harvester's number unless another
    // process got there first, in which case it takes the next free one (the subject's row is locked meanwhile).
    private const string InsertSchemaVersion = """
        INSERT INTO schema_versions (entity_id, version, fingerprint, definition, compatibility, changes)
        SELECT e.id, GREATEST(@version, COALESCE((SELECT max(version) + 1 FROM schema_versions WHERE entity_id = e.id), 1)),
               @fingerprint, @definition, @compatibility, @changes
        FROM entities e
        WHERE e.ref = @ref AND NOT EXISTS (SELECT 1 FROM schema_versions WHERE entity_id = e.id AND fingerprint = @fingerprint)
        ON CONFLICT DO NOTHING
        """;

    private const string MergeFacet = """
        UPDATE entities SET facets = facets || jsonb_build_object(@name, @value)
        WHERE ref = @ref AND octet_length((facets || jsonb_build_object(@name, @value))::text) <= @max_bytes
        """;

    private const string MarkDeleted = """
        UPDATE entities SET lifecycle = 'deleted', removed_at = COALESCE(removed_at, now()), updated_at = now() WHERE ref = @ref
        """;

    public const int MaxFacetNameLength = 256;

    public static PlannedCommand Quality(QualityResult result) => new(Command(UpsertQuality,
        Text("ref", result.Dataset.ToString()), Text("check", Bound.Text(result.CheckName, MetadataLimits.FieldName)),
        Text("column", Bound.Text(result.Column, MetadataLimits.FieldName)), Text("framework", Bound.Text(result.Framework, MetadataLimits.Tag)),
        Text("status", Wire.Of(result.Status)), Time("executed_at", result.ExecutedAt == default ? null : result.ExecutedAt),
        Text("message", Bound.Text(result.Message, MetadataLimits.Description)), Uuid("run_id", result.RunId)));

    public static PlannedCommand Schema(SchemaVersion version) => new(Command(InsertSchemaVersion,
        Text("ref", version.Subject.ToString()), Int("version", Math.Max(1, version.Version)),
        Text("fingerprint", version.Fingerprint), Text("definition", version.Definition),
        Text("compatibility", Wire.Of(version.Compatibility)),
        Jsonb("changes", System.Text.Json.JsonSerializer.Serialize(version.Changes))));

    public static PlannedCommand Facet(FacetFound facet) => new(Command(MergeFacet,
            Text("ref", facet.Entity.ToString()), Text("name", facet.Name), Jsonb("value", facet.Value.GetRawText()),
            Int("max_bytes", MetadataLimits.FacetsBytes)),
        ErrorWhenNoRow: $"facet '{facet.Name}' of {facet.Entity} was not kept: the entity's facets would exceed {MetadataLimits.FacetsBytes} bytes");

    public static PlannedCommand Deleted(EntityDeleted deleted) => new(Command(MarkDeleted, Text("ref", deleted.Entity.ToString())));
}
