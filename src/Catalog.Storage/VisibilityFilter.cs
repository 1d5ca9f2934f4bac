using Npgsql;

namespace Catalog.Storage;

/// <summary>
/// The one definition of who may see an entity's metadata, as SQL, so search, lineage and pages filter alike.
/// Parameters, bound by <see cref="AddParameters"/>: <c>@sees_everything</c> (boolean: auditors and admins) and
/// <c>@principal_refs</c> (text[]: the user's ref and their groups') and <c>@grants_as_of</c> (timestamptz, the app
/// clock's now, so a test controls when a grant expires; null falls back to the database's now()). An entity is visible when its visibility is
/// 'everyone', or the principal sees everything, owns it, or holds a read or write grant on it.
/// </summary>
public static class VisibilityFilter
{
    public static string Sql(string entityAlias) => $"""
        ({entityAlias}.visibility = 'everyone'
         OR @sees_everything
         OR {entityAlias}.owner_ref = ANY(@principal_refs)
         OR EXISTS (SELECT 1 FROM access_grants g
                    WHERE g.entity_id = {entityAlias}.id AND g.principal_ref = ANY(@principal_refs)
                      AND (g.expires_at IS NULL OR g.expires_at > COALESCE(@grants_as_of, now()))))
        """;

    /// <summary>
    /// The same rule with the principal's grants read once per statement (an uncorrelated sub-select, evaluated as an
    /// InitPlan) instead of probed per row: for statements that test many rows, such as search's candidate scans.
    /// It reads only id, visibility and owner_ref of the entity row, so an index carrying them can decide alone.
    /// </summary>
    public static string SqlWithGrantsReadOnce(string entityAlias) => $"""
        ({entityAlias}.visibility = 'everyone'
         OR @sees_everything
         OR {entityAlias}.owner_ref = ANY(@principal_refs)
         OR {entityAlias}.id = ANY(ARRAY(SELECT g.entity_id FROM access_grants g
                                        WHERE g.principal_ref = ANY(@principal_refs)
                                          AND (g.expires_at IS NULL OR g.expires_at > COALESCE(@grants_as_of, now())))))
        """;

    /// <summary>
    /// Binds the parameters both forms read: <paramref name="seesEverything"/> (auditors and admins) and
    /// <paramref name="principalRefs"/> (the user's ref and their groups'), and <paramref name="asOf"/>: the moment
    /// grants are judged at (the principal's <c>AsOf</c>, from the injected clock).
    /// </summary>
    public static void AddParameters(NpgsqlParameterCollection parameters, bool seesEverything, IEnumerable<string> principalRefs, DateTimeOffset? asOf = null)
    {
        parameters.AddWithValue("sees_everything", seesEverything);
        parameters.AddWithValue("principal_refs", principalRefs.ToArray());
        parameters.Add(new NpgsqlParameter("grants_as_of", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = asOf is { } at ? at.ToUniversalTime() : DBNull.Value });
    }
}
