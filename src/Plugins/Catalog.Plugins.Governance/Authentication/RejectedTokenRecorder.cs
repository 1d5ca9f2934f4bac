using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Npgsql;

namespace Catalog.Plugins.Governance.Authentication;

/// <summary>
/// What a rejected bearer token leaves behind. Every rejection is counted in <c>denied_attempt_counts</c> (per address
/// and UTC hour), so random or guessed tokens cannot grow the permanent audit trail. A <em>known</em> token that no
/// longer works (revoked, expired, its owner locked out) names a real token holder, who should learn that it is still
/// presented: it is audited as <c>token.rejected</c>, at most once per token per UTC hour.
/// </summary>
public sealed class RejectedTokenRecorder(NpgsqlDataSource dataSource, AuditTrail audit, DeniedAttemptCounter counter, TimeProvider time)
{
    public async Task RecordAsync(string secret, string request, string? remoteAddress, CancellationToken cancellationToken)
    {
        await counter.CountAsync(AuditActions.TokenRejected, cancellationToken);
        if (!secret.StartsWith(ApiTokenService.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200) return;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The audit chain's lock serialises the "already audited this hour?" check with the append, so two concurrent
        // rejections of one token cannot both write a row. Only known tokens get here.
        await using (var chainLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            chainLock.Parameters.AddWithValue("key", AuditTrail.ChainLockKey);
            await chainLock.ExecuteNonQueryAsync(cancellationToken);
        }
        var now = time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        await using var lookup = new NpgsqlCommand("""
            SELECT t.id, t.prefix, u.catalog_user_ref, t.revoked_at IS NOT NULL, t.expires_at IS NOT NULL AND t.expires_at <= @now,
                   EXISTS (SELECT 1 FROM audit_events a WHERE a.target = 'token:' || t.id AND a.action = @action AND a.occurred_at >= @hour)
            FROM api_tokens t JOIN identity_users u ON u.id = t.user_id
            WHERE t.token_hash = @hash
            """, connection, transaction);
        lookup.Parameters.AddWithValue("hash", ApiTokenService.Hash(secret));
        lookup.Parameters.AddWithValue("now", now);
        lookup.Parameters.AddWithValue("hour", hour);
        lookup.Parameters.AddWithValue("action", AuditActions.TokenRejected);
        long id; string prefix, owner; bool revoked, expired, auditedThisHour;
        await using (var reader = await lookup.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return;
            (id, prefix, owner, revoked, expired, auditedThisHour) =
                (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
        }
        if (auditedThisHour) return;

        var reason = revoked ? "The API token was revoked." : expired ? "The API token has expired." : "The token owner's account is locked out.";
        await audit.RecordAsync(connection, transaction, new AuditRecord("anonymous", AuditActions.TokenRejected, $"token:{id}")
        {
            After = new { tokenPrefix = prefix, owner, request, from = remoteAddress },
            Succeeded = false,
            Reason = reason + " Further rejections of this token in the same hour are only counted.",
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
