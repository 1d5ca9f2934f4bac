using System.Text.Json;
using Catalog.Domain.Audit;
using Catalog.Domain.Entities;
using Npgsql;

namespace Catalog.Plugins.Governance.Audit;

/// <summary>
/// Appends to <c>audit_events</c> and extends the hash chain. Writers are serialised by a transaction-scoped advisory
/// lock, so two concurrent events can never both link to the same predecessor (the chain never forks). Pass the
/// caller's transaction to make a change and its audit event commit together, or neither.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Advisory lock key for the audit chain ("AUDT" in ASCII); distinct from the migrator's.</summary>
    internal const long ChainLockKey = 0x41554454;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<long> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sequence = await RecordAsync(connection, transaction, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<long> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditRecord record, CancellationToken cancellationToken = default)
    {
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", ChainLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        long lastSequence = 0;
        byte[] previousHash = [];
        await using (var last = new NpgsqlCommand("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1", connection, transaction))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                lastSequence = reader.GetInt64(0);
                previousHash = reader.IsDBNull(1) ? [] : (byte[])reader[1];
            }
        }

        // jsonb normalises what it stores; hash the text PostgreSQL will give back to the verifier.
        string? before, after;
        await using (var normalise = new NpgsqlCommand("SELECT @before::jsonb::text, @after::jsonb::text", connection, transaction))
        {
            normalise.Parameters.AddWithValue("before", NpgsqlTypes.NpgsqlDbType.Text, (object?)Serialize(record.Before) ?? DBNull.Value);
            normalise.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Text, (object?)Serialize(record.After) ?? DBNull.Value);
            await using var reader = await normalise.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            before = reader.IsDBNull(0) ? null : reader.GetString(0);
            after = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        var auditEvent = new AuditEvent
        {
            Sequence = lastSequence + 1,
            OccurredAt = AuditChain.Truncate(time.GetUtcNow()),
            Actor = MetadataLimits.Truncate(record.Actor, 1024)!,
            Action = record.Action,
            Target = MetadataLimits.Truncate(record.Target, 4096),
            Before = before,
            After = after,
            Reason = MetadataLimits.Truncate(record.Reason, MetadataLimits.Reason),
            Succeeded = record.Succeeded,
        };
        var hash = AuditChain.ComputeHash(previousHash, auditEvent);

        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_events (sequence, occurred_at, actor, action, target, before, after, reason, succeeded, prev_hash, hash)
            OVERRIDING SYSTEM VALUE
            VALUES (@sequence, @occurred_at, @actor, @action, @target, @before::jsonb, @after::jsonb, @reason, @succeeded, @prev_hash, @hash)
            """, connection, transaction);
        insert.Parameters.AddWithValue("sequence", auditEvent.Sequence);
        insert.Parameters.AddWithValue("occurred_at", auditEvent.OccurredAt);
        insert.Parameters.AddWithValue("actor", auditEvent.Actor);
        insert.Parameters.AddWithValue("action", auditEvent.Action);
        insert.Parameters.AddWithValue("target", (object?)auditEvent.Target ?? DBNull.Value);
        insert.Parameters.AddWithValue("before", NpgsqlTypes.NpgsqlDbType.Text, (object?)before ?? DBNull.Value);
        insert.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Text, (object?)after ?? DBNull.Value);
        insert.Parameters.AddWithValue("reason", (object?)auditEvent.Reason ?? DBNull.Value);
        insert.Parameters.AddWithValue("succeeded", auditEvent.Succeeded);
        insert.Parameters.AddWithValue("prev_hash", lastSequence == 0 ? DBNull.Value : previousHash);
        insert.Parameters.AddWithValue("hash", hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return auditEvent.Sequence;
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => JsonSerializer.Serialize(s, Json),
        _ => JsonSerializer.Serialize(value, Json),
    };
}
