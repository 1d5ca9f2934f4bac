using Npgsql;

namespace Catalog.Harvesting.Trust;

/// <summary>
/// The governance changes one harvest transaction makes: the triggers of migration 0620 collect them into
/// <c>harvest_governance_changes</c> while the transaction has <c>catalog.harvest_audit</c> on, and
/// <see cref="FlushAsync"/> takes them out and hands them to the audit trail before the transaction commits.
/// </summary>
internal static class GovernanceChangeLog
{
    public const string EnableSql = "SELECT set_config('catalog.harvest_audit', @audited, true)";

    // Oldest first; taken out as it is audited, so nothing outlives the transaction.
    private const string TakeChanges = """
        WITH taken AS (DELETE FROM harvest_governance_changes WHERE tx = txid_current() RETURNING *)
        SELECT entity_ref, fact, change, before::text, after::text FROM taken ORDER BY id
        """;

    public static async Task EnableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(EnableSql, connection, transaction);
        command.Parameters.AddWithValue("audited", "on");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IHarvestAudit audit, HarvestChangeSource source,
        CancellationToken cancellationToken)
    {
        var changes = new List<GovernanceChange>();
        await using (var command = new NpgsqlCommand(TakeChanges, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                changes.Add(new GovernanceChange(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        if (changes.Count > 0) await audit.RecordAsync(connection, transaction, source, changes, cancellationToken);
    }
}
