using System.Security.Claims;
using Catalog.Domain.Audit;
using Catalog.Domain.Entities;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Authorization;
using Catalog.Plugins.Governance.Infrastructure;
using Npgsql;

namespace Catalog.Plugins.Governance.Access;

/// <summary>
/// A user asks for access to an endpoint; an owner approves (adding a portal grant for the requester) or denies.
/// Every step is an audit event; a request is decided once (a second decision is a conflict, not an overwrite).
/// </summary>
public sealed class AccessRequestService(NpgsqlDataSource dataSource, EntityLookup entities, GovernanceGate gate, AuditTrail audit)
{
    public async Task<Outcome> RequestAsync(ClaimsPrincipal user, long entityId, string? permission, string? reason, CancellationToken cancellationToken = default)
    {
        var person = await gate.RequirePersonAsync(user, AuditActions.AccessRequested, $"entity:{entityId}", cancellationToken);
        if (!person.IsAllowed) return Outcome.Denied(person);
        if (GrantInput.ParsePermission(permission) is null) return Outcome.Invalid("permission", "Choose read or write.");
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Invalid("reason", "Say why you need access: the owners decide from it.");
        if (reason.Length > MetadataLimits.Reason) return Outcome.Invalid("reason", $"The reason is longer than {MetadataLimits.Reason} characters.");
        // A dataset the requester may not see answers like one that does not exist (see GOVERNANCE.md, "Visibility").
        var entity = await entities.FindVisibleAsync(entityId, await gate.PrincipalAsync(user, cancellationToken), cancellationToken);
        if (entity is null) return Outcome.NotFound("The endpoint");
        var requester = GovernanceGate.ActorOf(user);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO access_requests (entity_id, requester_ref, permission, reason) VALUES (@id, @requester, @permission, @reason)
            ON CONFLICT (entity_id, requester_ref, permission) WHERE status = 'pending' DO NOTHING RETURNING id
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", entityId);
        insert.Parameters.AddWithValue("requester", requester);
        insert.Parameters.AddWithValue("permission", permission!.Trim());
        insert.Parameters.AddWithValue("reason", reason.Trim());
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long requestId)
            return Outcome.Conflict($"You already asked for {permission} access to {entity.Ref}; the owners have not decided yet.");
        await audit.RecordAsync(connection, transaction, new AuditRecord(requester, AuditActions.AccessRequested, entity.Ref)
        {
            After = new { requestId, permission = permission.Trim() }, Reason = reason.Trim(),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done($"Your request for {permission.Trim()} access to {entity.Ref} was sent to {entity.OwnerRef ?? "the admins"}.");
    }

    public async Task<Outcome> DecideAsync(ClaimsPrincipal user, long requestId, bool approve, string? decisionReason, int version, CancellationToken cancellationToken = default)
    {
        var action = approve ? AuditActions.AccessRequestApproved : AuditActions.AccessRequestDenied;
        var person = await gate.RequirePersonAsync(user, action, $"access-request:{requestId}", cancellationToken);
        if (!person.IsAllowed) return Outcome.Denied(person);
        if (decisionReason is { Length: > MetadataLimits.Reason }) return Outcome.Invalid("reason", $"The reason is longer than {MetadataLimits.Reason} characters.");
        var entityId = await EntityOfRequestAsync(requestId, cancellationToken);
        if (entityId is null) return Outcome.NotFound("The access request");
        // A request on an endpoint the decider may not see is, to them, a request that does not exist.
        var entity = await entities.FindVisibleAsync(entityId.Value, await gate.PrincipalAsync(user, cancellationToken), cancellationToken);
        if (entity is null) return Outcome.NotFound("The access request");
        var owner = await gate.RequireOwnerAsync(user, entity, action, cancellationToken);
        if (!owner.IsAllowed) return Outcome.Denied(owner);
        var decider = GovernanceGate.ActorOf(user);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand("""
            UPDATE access_requests SET status = @status, decided_by = @by, decided_at = now(), decision_reason = @reason, version = version + 1
            WHERE id = @request AND status = 'pending' AND version = @version
            RETURNING requester_ref, permission, reason
            """, connection, transaction);
        update.Parameters.AddWithValue("status", approve ? "approved" : "denied");
        update.Parameters.AddWithValue("by", decider);
        update.Parameters.AddWithValue("reason", NpgsqlTypes.NpgsqlDbType.Text, (object?)decisionReason?.Trim() ?? DBNull.Value);
        update.Parameters.AddWithValue("request", requestId);
        update.Parameters.AddWithValue("version", version);
        string requester, permission, requestReason;
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                return Outcome.Conflict("This request was already decided by someone else, or changed since you opened it. Reload to see its decision.");
            (requester, permission, requestReason) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
        if (approve)
        {
            await using var grant = new NpgsqlCommand("""
                INSERT INTO access_grants (entity_id, principal_ref, permission, origin, granted_by, reason)
                VALUES (@id, @principal, @permission, 'portal', @by, @reason)
                ON CONFLICT (entity_id, principal_ref, permission, origin) DO NOTHING
                """, connection, transaction);
            grant.Parameters.AddWithValue("id", entity.Id);
            grant.Parameters.AddWithValue("principal", requester);
            grant.Parameters.AddWithValue("permission", permission);
            grant.Parameters.AddWithValue("by", decider);
            grant.Parameters.AddWithValue("reason", $"Access request #{requestId}: {requestReason}");
            await grant.ExecuteNonQueryAsync(cancellationToken);
        }
        await audit.RecordAsync(connection, transaction, new AuditRecord(decider, action, entity.Ref)
        {
            Before = new { requestId, status = "pending" },
            After = new { requestId, status = approve ? "approved" : "denied", requester, permission },
            Reason = decisionReason,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(approve ? $"{requester} may now {permission} {entity.Ref}." : $"The request of {requester} was denied.");
    }

    /// <summary>Requests the user made, and pending requests on endpoints the user's teams own (all pending ones for admins).</summary>
    public async Task<(IReadOnlyList<AccessRequestRow> Mine, IReadOnlyList<AccessRequestRow> ToDecide)> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var principal = await gate.PrincipalAsync(user, cancellationToken);
        if (!principal.IsAuthenticated) return ([], []);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Both lists name only endpoints the user may see: a request made while a grant lasted does not keep showing a
        // restricted endpoint's ref and owner after the grant expired.
        var visible = Catalog.Storage.VisibilityFilter.Sql("e");
        var mine = await QueryAsync(connection, $"r.requester_ref = @me AND {visible}", principal, cancellationToken);
        var toDecide = await QueryAsync(connection, $"r.status = 'pending' AND (@admin OR e.owner_ref = ANY(@refs)) AND {visible}", principal, cancellationToken);
        return (mine, toDecide);
    }

    private static async Task<List<AccessRequestRow>> QueryAsync(NpgsqlConnection connection, string where, Catalog.Plugins.Security.CatalogPrincipal principal, CancellationToken cancellationToken)
    {
        var (me, refs, admin) = (principal.UserRef!, principal.PrincipalRefs.ToArray(), principal.IsAdmin);
        await using var command = new NpgsqlCommand($"""
            SELECT r.id, r.entity_id, e.ref, e.owner_ref, r.requester_ref, r.permission, r.reason, r.status, r.requested_at, r.decided_by, r.decided_at, r.decision_reason, r.version
            FROM access_requests r JOIN entities e ON e.id = r.entity_id
            WHERE {where} ORDER BY r.requested_at DESC LIMIT 200
            """, connection);
        command.Parameters.AddWithValue("me", me);
        command.Parameters.AddWithValue("refs", refs);
        command.Parameters.AddWithValue("admin", admin);
        Catalog.Storage.VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        var rows = new List<AccessRequestRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new AccessRequestRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetInt32(12)));
        return rows;
    }

    private async Task<long?> EntityOfRequestAsync(long requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT entity_id FROM access_requests WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", requestId);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }
}
