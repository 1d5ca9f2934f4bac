using NpgsqlTypes;

namespace Catalog.Generator.Loading;

/// <summary>
/// Ownership and membership relations, retention policies (classification caps, a default per namespace, and one
/// in ten endpoints with its own) and read grants to another team on restricted endpoints.
/// </summary>
internal static class GovernanceRows
{
    public const string CopyRelations = "COPY entity_relations (from_id, relation, to_id, source_location) FROM STDIN (FORMAT BINARY)";
    public const string CopyRetention = "COPY retention_policies (scope, entity_id, namespace, classification, mode, value, max_days, justification, origin, updated_by) FROM STDIN (FORMAT BINARY)";
    public const string CopyGrants = "COPY access_grants (entity_id, principal_ref, permission, origin, granted_by) FROM STDIN (FORMAT BINARY)";

    public static void WriteRelations(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        var p = shape.Profile;
        for (var u = 0; u < p.Users; u++) Relation(rows, ids.User(u), "memberOf", ids.Team(shape.TeamOfUser(u)), shape);
        for (var e = 0; e < p.EventTypes; e++) Relation(rows, ids.EventType(e), "ownedBy", ids.Team(shape.OwnerTeam(2, e)), shape);
        for (var w = 0; w < p.Workflows; w++) Relation(rows, ids.Workflow(w), "ownedBy", ids.Team(shape.OwnerTeam(14, w)), shape);
        for (var d = 0; d < p.Endpoints; d++) Relation(rows, ids.Endpoint(d), "ownedBy", ids.Team(shape.OwnerTeam(4, d)), shape);
        // Each event type's topic carries its events: the schema (event type) describes the dataset.
        for (var e = 0; e < p.EventTypes; e++) Relation(rows, ids.Endpoint(e), "dependsOn", ids.EventType(e), shape);
    }

    /// <summary>
    /// A cap for confidential data (the governance migration already caps personal data) and namespace defaults may already exist (one per scope and origin): they are inserted
    /// with ON CONFLICT DO NOTHING, which COPY cannot do, so they are not part of the COPY below.
    /// </summary>
    public const string SharedPolicies = """
        INSERT INTO retention_policies (scope, classification, mode, value, max_days, justification, origin, updated_by)
        VALUES ('classification', 'confidential', 'keep_days', 365, 730, 'Confidential data: at most two years.', 'descriptor', 'generator')
        ON CONFLICT DO NOTHING;
        INSERT INTO retention_policies (scope, namespace, mode, value, justification, origin, updated_by)
        SELECT DISTINCT 'namespace', namespace, 'keep_days', 400, 'Default for the namespace.', 'descriptor', 'generator'
        FROM entities WHERE source_location = @source AND kind = 'dataset'
        ON CONFLICT DO NOTHING;
        """;

    public static void WriteRetention(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        for (var d = 0; d < shape.Profile.Endpoints; d++)
            if (shape.HasRetention(d))
                Policy(rows, "entity", ids.Endpoint(d), null, null, "keep_days", shape.RetentionDays(d), null, "Set by the owning team.");
    }

    public static void WriteGrants(CatalogShape shape, EntityIds ids, StageCopy.Rows rows)
    {
        for (var d = 0; d < shape.Profile.Endpoints; d++)
        {
            if (!shape.IsRestricted(d)) continue;
            var row = rows.Start();
            row.Write(ids.Endpoint(d), NpgsqlDbType.Bigint);
            row.Write(shape.TeamRef(shape.GrantedTeam(d)), NpgsqlDbType.Text);
            row.Write("read", NpgsqlDbType.Text);
            row.Write("descriptor", NpgsqlDbType.Text);
            row.Write(shape.TeamRef(shape.OwnerTeam(4, d)), NpgsqlDbType.Text);
        }
    }

    private static void Relation(StageCopy.Rows rows, long from, string relation, long to, CatalogShape shape)
    {
        var row = rows.Start();
        row.Write(from, NpgsqlDbType.Bigint);
        row.Write(relation, NpgsqlDbType.Text);
        row.Write(to, NpgsqlDbType.Bigint);
        row.Write(shape.SourceLocation, NpgsqlDbType.Text);
    }

    private static void Policy(StageCopy.Rows rows, string scope, long? entityId, string? @namespace, string? classification, string mode,
        int value, int? maxDays, string justification)
    {
        var row = rows.Start();
        row.Write(scope, NpgsqlDbType.Text);
        if (entityId is { } id) row.Write(id, NpgsqlDbType.Bigint); else row.WriteNull();
        EntityRows.WriteNullable(row, @namespace);
        EntityRows.WriteNullable(row, classification);
        row.Write(mode, NpgsqlDbType.Text);
        row.Write(value, NpgsqlDbType.Integer);
        if (maxDays is { } max) row.Write(max, NpgsqlDbType.Integer); else row.WriteNull();
        row.Write(justification, NpgsqlDbType.Text);
        row.Write("descriptor", NpgsqlDbType.Text);
        row.Write("generator", NpgsqlDbType.Text);
    }
}
