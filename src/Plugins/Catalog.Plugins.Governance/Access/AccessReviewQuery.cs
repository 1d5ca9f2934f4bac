using Npgsql;

namespace Catalog.Plugins.Governance.Access;

/// <summary>
/// For auditors: every endpoint holding PII (classified pii itself or in any column) and everyone who can read it —
/// the owning team, each unexpired grant with its reason, and "everyone" when the endpoint's metadata is public.
/// </summary>
public sealed class AccessReviewQuery(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccessReviewRow>> ListAsync(string? classification = "pii", CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH sensitive AS (
                SELECT e.id, e.ref, e.owner_ref, e.visibility,
                       CASE WHEN e.classification = @cls THEN e.classification ELSE @cls || ' (columns)' END AS classification
                FROM entities e
                WHERE e.lifecycle <> 'deleted'
                  AND (e.classification = @cls OR EXISTS (SELECT 1 FROM dataset_fields f WHERE f.entity_id = e.id AND f.classification = @cls)))
            SELECT s.ref, s.classification, s.visibility, s.owner_ref, 'owner', NULL, NULL FROM sensitive s WHERE s.owner_ref IS NOT NULL
            UNION ALL
            SELECT s.ref, s.classification, s.visibility, g.principal_ref, g.permission || ' grant (' || g.origin || ')', g.reason, g.expires_at
            FROM sensitive s JOIN access_grants g ON g.entity_id = s.id
            WHERE g.expires_at IS NULL OR g.expires_at > @now
            ORDER BY 1, 5, 4
            """, connection);
        command.Parameters.AddWithValue("cls", classification ?? "pii");
        // "Unexpired" on the app's clock, as the visibility filter judges grants, so a test controls it.
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        var rows = new List<AccessReviewRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new AccessReviewRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        return rows;
    }
}
