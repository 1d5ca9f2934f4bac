using System.Security.Cryptography;
using System.Text;
using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Governance.Authentication;

public sealed record ApiTokenInfo(long Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string? LastUsedFrom)
{
    /// <summary>The namespaces an ingest token may write (<c>*</c> for all); empty for read tokens.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Why the token stopped working without being revoked by its owner (migration 0620).</summary>
    public string? DisabledReason { get; init; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>The secret is returned exactly once, at creation; only its SHA-256 is stored.</summary>
public sealed record CreatedApiToken(ApiTokenInfo Info, string Secret);

/// <summary>The identity behind a valid token.</summary>
public sealed record TokenIdentity(long TokenId, string UserId, string UserName, string UserRef, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles)
{
    public IReadOnlyList<string> Namespaces { get; init; } = [];
}

/// <summary>Creates, lists, revokes and checks API tokens (<c>cat_</c> + 43 characters of base64url randomness).</summary>
public sealed class ApiTokenService(NpgsqlDataSource dataSource, AuditTrail audit, TimeProvider time, IOptions<GovernanceOptions> options)
{
    public const string SecretPrefix = "cat_";
    public const int MaxNameLength = 200;

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>
    /// Creates a token. An ingest token needs an admin or service account and the namespaces it may write (checked
    /// here too, so no caller can mint one for anyone else): <see cref="TokenRequest"/> gives callers the precise answer.
    /// </summary>
    public async Task<CreatedApiToken> CreateAsync(string userId, string actorRef, string name, IReadOnlyCollection<string> scopes, int? lifetimeDays,
        CancellationToken cancellationToken = default, IReadOnlyCollection<string>? namespaces = null)
    {
        var bound = (namespaces ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var prefix = secret[..10];
        var days = lifetimeDays ?? options.Value.DefaultTokenLifetimeDays;
        DateTimeOffset? expires = days > 0 ? time.GetUtcNow().AddDays(days) : null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (scopes.Contains(TokenScopes.Ingest))
        {
            if (bound.Length == 0) throw new ArgumentException("An ingest token needs the namespaces it may write ('*' for all).", nameof(namespaces));
            await using var roles = new NpgsqlCommand("""
                SELECT EXISTS (SELECT 1 FROM identity_user_roles ur JOIN identity_roles r ON r.id = ur.role_id
                               WHERE ur.user_id = @user AND r.name IN ('admin', 'service'))
                """, connection, transaction);
            roles.Parameters.AddWithValue("user", userId);
            if (await roles.ExecuteScalarAsync(cancellationToken) is not true)
                throw new InvalidOperationException("Only admins and service accounts can hold ingest tokens.");
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, expires_at, namespaces) VALUES (@user, @name, @prefix, @hash, @scopes, @expires, @namespaces)
            RETURNING id, created_at
            """, connection, transaction);
        insert.Parameters.AddWithValue("namespaces", bound);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("name", name.Trim());
        insert.Parameters.AddWithValue("prefix", prefix);
        insert.Parameters.AddWithValue("hash", Hash(secret));
        insert.Parameters.AddWithValue("scopes", scopes.Distinct().Order(StringComparer.Ordinal).ToArray());
        insert.Parameters.AddWithValue("expires", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)expires ?? DBNull.Value);
        long id; DateTimeOffset created;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            id = reader.GetInt64(0);
            created = reader.GetFieldValue<DateTimeOffset>(1);
        }
        await audit.RecordAsync(connection, transaction, new AuditRecord(actorRef, AuditActions.TokenCreated, $"token:{id}")
        {
            After = new { name = name.Trim(), prefix, scopes, namespaces = bound, expiresAt = expires, owner = actorRef },
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiToken(new ApiTokenInfo(id, name.Trim(), prefix, [.. scopes], created, expires, null, null, null) { Namespaces = bound }, secret);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at, last_used_from, namespaces, disabled_reason
            FROM api_tokens WHERE user_id = @user ORDER BY revoked_at IS NOT NULL, created_at DESC
            """, connection);
        command.Parameters.AddWithValue("user", userId);
        var tokens = new List<ApiTokenInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tokens.Add(new ApiTokenInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4), Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7), reader.IsDBNull(8) ? null : reader.GetString(8))
            {
                Namespaces = reader.GetFieldValue<string[]>(9), DisabledReason = reader.IsDBNull(10) ? null : reader.GetString(10),
            });
        return tokens;
    }

    /// <summary>Revokes a token of <paramref name="userId"/>; false when there is no such active token of theirs.</summary>
    public async Task<bool> RevokeAsync(string userId, string actorRef, long tokenId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand("""
            UPDATE api_tokens SET revoked_at = now(), revoked_by = @actor WHERE id = @id AND user_id = @user AND revoked_at IS NULL RETURNING name
            """, connection, transaction);
        update.Parameters.AddWithValue("id", tokenId);
        update.Parameters.AddWithValue("user", userId);
        update.Parameters.AddWithValue("actor", actorRef);
        if (await update.ExecuteScalarAsync(cancellationToken) is not string name) return false;
        await audit.RecordAsync(connection, transaction, new AuditRecord(actorRef, AuditActions.TokenRevoked, $"token:{tokenId}") { Before = new { name } }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Finds the active token with this secret, records its use (time, address) and returns who it speaks for.</summary>
    public async Task<TokenIdentity?> UseAsync(string secret, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE api_tokens t SET last_used_at = now(), last_used_from = @from
            FROM identity_users u
            WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > @now)
              AND u.id = t.user_id AND (u.lockout_end IS NULL OR u.lockout_end < @now)
            RETURNING t.id, u.id, u.user_name, u.catalog_user_ref, t.scopes,
                      ARRAY(SELECT r.name FROM identity_user_roles ur JOIN identity_roles r ON r.id = ur.role_id WHERE ur.user_id = u.id), t.namespaces
            """, connection);
        command.Parameters.AddWithValue("hash", Hash(secret));
        // Expiry and lockout are judged on the injected clock (as CreateAsync sets expires_at from it), not the database's.
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Text, (object?)remoteAddress ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new TokenIdentity(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetFieldValue<string[]>(4), reader.GetFieldValue<string[]>(5)) { Namespaces = reader.GetFieldValue<string[]>(6) };
    }

    private static DateTimeOffset? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
