using Catalog.Domain.Audit;
using Npgsql;

namespace Catalog.Plugins.Governance.Audit;

/// <summary>
/// Verifies the whole stored chain. Used by the <c>/audit/verify</c> page and by the CLI: the lead wires
/// <c>catalog-indexer audit verify</c> to <see cref="VerifyAsync"/> (exit code 0 when intact, 1 when broken).
/// </summary>
public sealed class AuditVerification(NpgsqlDataSource dataSource)
{
    public async Task<AuditVerificationResult> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var verifier = new AuditChainVerifier();
        byte[]? lastHash = null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT sequence, occurred_at, actor, action, target, before::text, after::text, reason, succeeded, prev_hash, hash
            FROM audit_events ORDER BY sequence
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = new ChainedAuditEvent(
                new AuditEvent
                {
                    Sequence = reader.GetInt64(0),
                    OccurredAt = reader.GetFieldValue<DateTimeOffset>(1),
                    Actor = reader.GetString(2),
                    Action = reader.GetString(3),
                    Target = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Before = reader.IsDBNull(5) ? null : reader.GetString(5),
                    After = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Reason = reader.IsDBNull(7) ? null : reader.GetString(7),
                    Succeeded = reader.GetBoolean(8),
                },
                reader.IsDBNull(9) ? null : (byte[])reader[9],
                reader.IsDBNull(10) ? null : (byte[])reader[10]);
            if (!verifier.Add(stored)) break;
            lastHash = stored.Hash;
            if (verifier.Verified % 10_000 == 0) progress?.Report(verifier.Verified);
        }
        progress?.Report(verifier.Verified);
        return new AuditVerificationResult(verifier.Verified, verifier.Break, lastHash is null ? null : Convert.ToHexString(lastHash).ToLowerInvariant());
    }
}

/// <summary>
/// <see cref="HeadHash"/> is the hash of the last verified event: record it somewhere else (a ticket, a log) and a
/// later verification proves nothing before it was rewritten, even by someone who rehashed the whole chain.
/// </summary>
public sealed record AuditVerificationResult(long Verified, AuditChainBreak? Break, string? HeadHash)
{
    public bool IsIntact => Break is null;
}
