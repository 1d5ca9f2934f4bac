using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Plugins.Harvesting;
using static Catalog.Harvesting.Storage.SqlCommands;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// Declarations from descriptors. They are written as origin 'descriptor' rows only: a policy someone set in the
/// portal (origin 'portal') is a separate row that no harvest ever touches, and governance decides which wins.
/// A Full input claims its declarations (source_location), so one no longer declared is removed by stale removal.
/// </summary>
internal static class PolicyPlans
{
    private const string UpsertRetention = """
        INSERT INTO retention_policies AS p (scope, entity_id, mode, value, justification, origin, updated_by, source_location)
        SELECT 'entity', id, @mode, @value, @justification, 'descriptor', @actor, @location FROM entities WHERE ref = @ref
        ON CONFLICT (entity_id, origin) WHERE scope = 'entity' DO UPDATE SET
            mode = EXCLUDED.mode, value = EXCLUDED.value, justification = EXCLUDED.justification,
            updated_by = EXCLUDED.updated_by, updated_at = now(), version = p.version + 1,
            source_location = COALESCE(EXCLUDED.source_location, p.source_location)
        WHERE (p.mode, p.value, p.justification) IS DISTINCT FROM (EXCLUDED.mode, EXCLUDED.value, EXCLUDED.justification)
           OR p.source_location IS DISTINCT FROM COALESCE(EXCLUDED.source_location, p.source_location)
        """;

    private const string UpsertGrant = """
        INSERT INTO access_grants AS g (entity_id, principal_ref, permission, origin, granted_by, expires_at, source_location)
        SELECT id, @principal, @permission, 'descriptor', @actor, @expires_at, @location FROM entities WHERE ref = @ref
        ON CONFLICT (entity_id, principal_ref, permission, origin) DO UPDATE SET expires_at = EXCLUDED.expires_at,
            source_location = COALESCE(EXCLUDED.source_location, g.source_location)
        """;

    private const string UpsertFieldClassification = """
        INSERT INTO dataset_fields AS f (entity_id, ordinal, name, classification)
        SELECT e.id, COALESCE((SELECT max(ordinal) + 1 FROM dataset_fields WHERE entity_id = e.id), 0), @field, @classification
        FROM entities e WHERE e.ref = @ref
        ON CONFLICT (entity_id, name) DO UPDATE SET classification = EXCLUDED.classification
        """;

    public static PlannedCommand Retention(RetentionDeclared declared, PlanContext context) => new(Command(UpsertRetention,
        Text("ref", declared.Dataset.ToString()), Text("mode", Wire.Of(declared.Policy.Mode)),
        Int("value", declared.Policy.Mode == RetentionMode.KeepForever ? null : declared.Policy.Value),
        Text("justification", declared.Policy.Justification), Text("actor", context.Actor), Text("location", context.ClaimedLocation)));

    public static PlannedCommand Grant(AccessDeclared declared, PlanContext context) => new(Command(UpsertGrant,
        Text("ref", declared.Dataset.ToString()), Text("principal", declared.Grant.Principal.ToString()),
        Text("permission", Wire.Of(declared.Grant.Permission)), Text("actor", context.Actor),
        Time("expires_at", declared.Grant.ExpiresAt), Text("location", context.ClaimedLocation)));

    public static string RetentionKey(RetentionDeclared declared) => $"retention|{declared.Dataset}";

    public static string GrantKey(AccessDeclared declared) => $"grant|{declared.Dataset}|{declared.Grant.Principal}|{Wire.Of(declared.Grant.Permission)}";

    public static PlannedCommand FieldClassification(FieldClassified classified) => new(Command(UpsertFieldClassification,
        Text("ref", classified.Dataset.ToString()), Text("field", Bound.Text(classified.Field, MetadataLimits.FieldName)),
        Text("classification", Wire.Of(classified.Classification))));
}
