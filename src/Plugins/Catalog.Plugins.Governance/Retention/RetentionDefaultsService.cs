using System.Security.Claims;
using Catalog.Domain.Audit;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Authorization;
using Catalog.Plugins.Governance.Infrastructure;
using Catalog.Plugins.Security;
using Npgsql;

namespace Catalog.Plugins.Governance.Retention;

/// <summary>
/// Namespace and classification defaults (and the classification cap, <c>max_days</c>): admins only, versioned and
/// audited like endpoint policies. Portal rows; a descriptor may declare its own, which these win over.
/// </summary>
public sealed class RetentionDefaultsService(NpgsqlDataSource dataSource, GovernanceGate gate, AuditTrail audit)
{
    public async Task<Outcome> SaveAsync(ClaimsPrincipal user, string scope, string key, RetentionInput input, int? maxDays, CancellationToken cancellationToken = default)
    {
        var target = $"retention-default:{scope}:{MetadataLimits.Truncate(key, 200)}";
        var decision = await gate.RequirePolicyAsync(user, CatalogPolicies.Admin, AuditActions.RetentionChanged, target, cancellationToken);
        if (!decision.IsAllowed) return Outcome.Denied(decision);
        if (scope is not ("namespace" or "classification")) return Outcome.Invalid("scope", "Defaults are per namespace or per classification.");
        if (scope == "classification" && (!Classifications.TryParse(key, out var cls) || cls.ToWire() != key))
            return Outcome.Invalid("classification", "Choose public, internal, confidential or pii.");
        if (scope == "namespace" && key.Length is 0 or > EntityRef.MaxPartLength)
            return Outcome.Invalid("namespace", $"A namespace has 1 to {EntityRef.MaxPartLength} characters.");
        if (maxDays is < 1 or > RetentionPolicy.MaxDays)
            return Outcome.Invalid("maxDays", $"The cap is a number of days between 1 and {RetentionPolicy.MaxDays}.");
        if (maxDays is not null && scope != "classification")
            return Outcome.Invalid("maxDays", "Only a classification can cap retention.");
        var (policy, problems) = input.ToPolicy();
        if (policy is null) return Outcome.Invalid(problems);
        var violations = policy.Validate().ToList();
        if (maxDays is { } cap && policy.Mode == RetentionMode.KeepDays && policy.Value > cap)
            violations.Add(new("value", $"The default ({policy.Value} days) is longer than the cap ({cap} days)."));
        if (violations.Count > 0) return Outcome.Invalid(violations);

        var column = scope == "namespace" ? "namespace" : "classification";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        object? before = null;
        await using (var read = new NpgsqlCommand($"SELECT mode, value, max_days, version FROM retention_policies WHERE scope = @scope AND {column} = @key AND origin = 'portal' FOR UPDATE", connection, transaction))
        {
            read.Parameters.AddWithValue("scope", scope);
            read.Parameters.AddWithValue("key", key);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt32(3) != input.Version)
                    return Outcome.Conflict("Someone else changed this default while you were editing. Reload to see it, then make your change again.");
                before = new { mode = reader.GetString(0), value = reader.IsDBNull(1) ? (int?)null : reader.GetInt32(1), maxDays = reader.IsDBNull(2) ? (int?)null : reader.GetInt32(2) };
            }
            else if (input.Version != 0)
            {
                return Outcome.Conflict("This default was removed while you were editing. Reload, then make your change again.");
            }
        }
        await using var write = new NpgsqlCommand($"""
            INSERT INTO retention_policies (scope, {column}, mode, value, justification, max_days, origin, updated_by)
            VALUES (@scope, @key, @mode, @value, @justification, @max, 'portal', @actor)
            ON CONFLICT ({column}, origin) WHERE scope = '{scope}' DO UPDATE SET mode = EXCLUDED.mode, value = EXCLUDED.value,
                justification = EXCLUDED.justification, max_days = EXCLUDED.max_days, updated_by = EXCLUDED.updated_by,
                updated_at = now(), version = retention_policies.version + 1
            RETURNING version
            """, connection, transaction);
        write.Parameters.AddWithValue("scope", scope);
        write.Parameters.AddWithValue("key", key);
        write.Parameters.AddWithValue("mode", RetentionInput.Wire(policy.Mode));
        write.Parameters.AddWithValue("value", NpgsqlTypes.NpgsqlDbType.Integer, (object?)policy.Value ?? DBNull.Value);
        write.Parameters.AddWithValue("justification", NpgsqlTypes.NpgsqlDbType.Text, (object?)policy.Justification ?? DBNull.Value);
        write.Parameters.AddWithValue("max", NpgsqlTypes.NpgsqlDbType.Integer, (object?)maxDays ?? DBNull.Value);
        write.Parameters.AddWithValue("actor", GovernanceGate.ActorOf(user));
        var version = (int)(await write.ExecuteScalarAsync(cancellationToken))!;
        await audit.RecordAsync(connection, transaction, new AuditRecord(GovernanceGate.ActorOf(user), AuditActions.RetentionChanged, target)
        {
            Before = before, After = new { mode = RetentionInput.Wire(policy.Mode), value = policy.Value, maxDays }, Reason = input.Reason,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done($"The {scope} default for {key} is now {policy}{(maxDays is null ? "" : $", at most {maxDays} days")}.", version);
    }
}
