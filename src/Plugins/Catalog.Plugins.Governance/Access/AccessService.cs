using System.Globalization;
using System.Security.Claims;
using Catalog.Domain.Audit;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Access;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Authorization;
using Catalog.Plugins.Governance.Infrastructure;
using Npgsql;

namespace Catalog.Plugins.Governance.Access;

/// <summary>
/// Access grants and classifications of an endpoint and its columns. Portal grants are rows with origin 'portal';
/// descriptor grants are harvested and changed in the descriptor. Portal classifications are kept across harvests by
/// the triggers of migration 0400 (<c>classification_overrides</c>).
/// </summary>
public sealed class AccessService(NpgsqlDataSource dataSource, EntityLookup entities, GovernanceGate gate, AuditTrail audit, TimeProvider time)
{
    public async Task<AccessView?> LoadAsync(long entityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT e.ref, e.owner_ref, e.visibility, e.classification, o.harvested, e.version
            FROM entities e LEFT JOIN classification_overrides o ON o.entity_id = e.id AND o.field_name = ''
            WHERE e.id = @id
            """, connection);
        command.Parameters.AddWithValue("id", entityId);
        string entityRef, visibility, classification; string? owner, harvested; int version;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            (entityRef, owner, visibility, classification) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3));
            harvested = reader.IsDBNull(4) ? null : reader.GetString(4);
            version = reader.GetInt32(5);
        }
        var grants = new List<GrantRow>();
        await using (var grantCommand = new NpgsqlCommand("""
            SELECT id, principal_ref, permission, origin, granted_by, granted_at, expires_at, reason FROM access_grants
            WHERE entity_id = @id ORDER BY principal_ref, permission, origin
            """, connection))
        {
            grantCommand.Parameters.AddWithValue("id", entityId);
            await using var reader = await grantCommand.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                grants.Add(new GrantRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        var columns = new List<ColumnClassificationRow>();
        await using (var columnCommand = new NpgsqlCommand("""
            SELECT f.name, f.classification, o.harvested, o.entity_id IS NOT NULL FROM dataset_fields f
            LEFT JOIN classification_overrides o ON o.entity_id = f.entity_id AND o.field_name = f.name
            WHERE f.entity_id = @id ORDER BY f.ordinal, f.name
            """, connection))
        {
            columnCommand.Parameters.AddWithValue("id", entityId);
            await using var reader = await columnCommand.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                columns.Add(new ColumnClassificationRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3)));
        }
        return new AccessView(entityId, entityRef, owner, visibility, classification, harvested, version, grants, columns);
    }

    public async Task<Outcome> AddGrantAsync(ClaimsPrincipal user, long entityId, GrantInput input, CancellationToken cancellationToken = default)
    {
        var (denied, entity) = await AuthorizeAsync(user, entityId, AuditActions.GrantAdded, cancellationToken);
        if (denied is not null) return denied;
        var permission = GrantInput.ParsePermission(input.Permission);
        if (permission is null) return Outcome.Invalid("permission", "Choose read or write.");
        DateTimeOffset? expires = null;
        if (!string.IsNullOrWhiteSpace(input.ExpiresAt))
        {
            if (!DateTimeOffset.TryParse(input.ExpiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return Outcome.Invalid("expiresAt", $"'{MetadataLimits.Truncate(input.ExpiresAt, 40)}' is not a date (use yyyy-mm-dd).");
            expires = parsed;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The endpoint's own classification or its most sensitive column's, whichever is higher.
        var classification = await ScalarAsync<string>(connection, transaction, """
            SELECT c FROM (SELECT classification AS c FROM entities WHERE id = @id
                           UNION ALL SELECT classification FROM dataset_fields WHERE entity_id = @id AND classification IS NOT NULL) x
            ORDER BY array_position(ARRAY['public', 'internal', 'confidential', 'pii'], c) DESC LIMIT 1
            """, entityId, cancellationToken) ?? "internal";
        Classifications.TryParse(classification, out var cls);
        var proposal = new GrantProposal(input.Principal?.Trim() ?? "", permission.Value, cls) { ExpiresAt = expires, Reason = input.Reason?.Trim() };
        var violations = GrantValidator.Validate(proposal, time.GetUtcNow());
        if (violations.Count > 0) return Outcome.Invalid(violations);
        var principalKnown = await ScalarAsync<long?>(connection, transaction, "SELECT id FROM entities WHERE ref = @ref AND kind IN ('group', 'user')", proposal.PrincipalRef, cancellationToken);
        if (principalKnown is null)
            return Outcome.Invalid("principal", $"There is no group or user {proposal.PrincipalRef} in the catalog. Check the spelling, or harvest the team's descriptor first.");

        await using var insert = new NpgsqlCommand("""
            INSERT INTO access_grants (entity_id, principal_ref, permission, origin, granted_by, expires_at, reason)
            VALUES (@id, @principal, @permission, 'portal', @by, @expires, @reason)
            ON CONFLICT (entity_id, principal_ref, permission, origin) DO NOTHING RETURNING id
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", entityId);
        insert.Parameters.AddWithValue("principal", proposal.PrincipalRef);
        insert.Parameters.AddWithValue("permission", input.Permission!.Trim());
        insert.Parameters.AddWithValue("by", GovernanceGate.ActorOf(user));
        insert.Parameters.AddWithValue("expires", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)expires ?? DBNull.Value);
        insert.Parameters.AddWithValue("reason", NpgsqlTypes.NpgsqlDbType.Text, (object?)proposal.Reason ?? DBNull.Value);
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long grantId)
            return Outcome.Conflict($"{proposal.PrincipalRef} already has {input.Permission} access to {entity!.Ref}.");
        await audit.RecordAsync(connection, transaction, new AuditRecord(GovernanceGate.ActorOf(user), AuditActions.GrantAdded, entity!.Ref)
        {
            After = new { grantId, principal = proposal.PrincipalRef, permission = input.Permission, expiresAt = expires }, Reason = proposal.Reason,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done($"{proposal.PrincipalRef} may now {input.Permission} {entity.Ref}.");
    }

    public async Task<Outcome> RemoveGrantAsync(ClaimsPrincipal user, long entityId, long grantId, string? reason, CancellationToken cancellationToken = default)
    {
        var (denied, entity) = await AuthorizeAsync(user, entityId, AuditActions.GrantRemoved, cancellationToken);
        if (denied is not null) return denied;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("""
            DELETE FROM access_grants WHERE id = @grant AND entity_id = @id AND origin = 'portal' RETURNING principal_ref, permission
            """, connection, transaction);
        delete.Parameters.AddWithValue("grant", grantId);
        delete.Parameters.AddWithValue("id", entityId);
        string principal, permission;
        await using (var reader = await delete.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                return Outcome.Conflict("That grant is gone already, or it is declared in the descriptor (change it there).");
            (principal, permission) = (reader.GetString(0), reader.GetString(1));
        }
        await audit.RecordAsync(connection, transaction, new AuditRecord(GovernanceGate.ActorOf(user), AuditActions.GrantRemoved, entity!.Ref)
        {
            Before = new { grantId, principal, permission }, Reason = reason,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done($"{principal} no longer has {permission} access to {entity.Ref}.");
    }

    /// <summary>Sets the endpoint's classification (no field) or a column's; checked against the entity version the editor saw.</summary>
    public async Task<Outcome> ClassifyAsync(ClaimsPrincipal user, long entityId, ClassificationInput input, CancellationToken cancellationToken = default)
    {
        var (denied, entity) = await AuthorizeAsync(user, entityId, AuditActions.ClassificationChanged, cancellationToken);
        if (denied is not null) return denied;
        if (!Classifications.TryParse(input.Classification, out var classification) || input.Classification!.Trim().ToLowerInvariant() != classification.ToWire())
            return Outcome.Invalid("classification", "Choose public, internal, confidential or pii.");
        if (input.Reason is { Length: > MetadataLimits.Reason })
            return Outcome.Invalid("reason", $"The reason is longer than {MetadataLimits.Reason} characters.");
        var field = input.Field?.Trim() ?? "";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await ClassificationWriter.WriteAsync(connection, transaction, entityId, field, classification, input.Version, GovernanceGate.ActorOf(user), cancellationToken);
        if (!result.Succeeded) return result;
        await audit.RecordAsync(connection, transaction, new AuditRecord(GovernanceGate.ActorOf(user), AuditActions.ClassificationChanged, entity!.Ref)
        {
            Before = new { field = field.Length == 0 ? null : field, classification = result.Message },
            After = new { field = field.Length == 0 ? null : field, classification = classification.ToWire() },
            Reason = input.Reason,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done($"{(field.Length == 0 ? entity.Ref : $"{entity.Ref} column {field}")} is now classified {classification.ToWire()}.", result.NewVersion);
    }

    private async Task<(Outcome? Denied, OwnedEntity? Entity)> AuthorizeAsync(ClaimsPrincipal user, long entityId, string attempted, CancellationToken cancellationToken)
    {
        var person = await gate.RequirePersonAsync(user, attempted, $"entity:{entityId}", cancellationToken);
        if (!person.IsAllowed) return (Outcome.Denied(person), null);
        var entity = await entities.FindVisibleAsync(entityId, await gate.PrincipalAsync(user, cancellationToken), cancellationToken);
        if (entity is null) return (Outcome.NotFound("The endpoint"), null);
        var owner = await gate.RequireOwnerAsync(user, entity, attempted, cancellationToken);
        return owner.IsAllowed ? (null, entity) : (Outcome.Denied(owner), entity);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue(parameter is long ? "id" : "ref", parameter);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }
}
