using System.Security.Claims;
using Catalog.Domain.Audit;
using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Retention;
using Catalog.Plugins.Cost;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Authorization;
using Catalog.Plugins.Governance.Infrastructure;
using Npgsql;

namespace Catalog.Plugins.Governance.Retention;

/// <summary>
/// Retention for one dataset: loads what decides it, previews a plan, saves or resets the portal's policy.
/// Writes authorise first (signed-in person, then ownership from ref + owner only), validate with the domain rules,
/// check the version the editor saw, and write the change and its audit event in one transaction.
/// </summary>
public sealed class RetentionService(
    NpgsqlDataSource dataSource, EntityLookup entities, GovernanceGate gate, AuditTrail audit, TimeProvider time,
    IStorageCostEstimator? costEstimator = null)
{
    public async Task<RetentionView?> LoadAsync(long entityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RetentionStore.LoadAsync(connection, null, entityId, cancellationToken);
    }

    public PricedRetentionPlan Preview(RetentionView view, RetentionPolicy candidate)
    {
        var plan = RetentionPlanner.Plan(candidate, view.Partitions, time.GetUtcNow());
        var saving = costEstimator?.MonthlyStorageCost(view.Platform, view.StorageClass, plan.BytesFreed);
        return new PricedRetentionPlan(candidate, plan, saving, costEstimator?.Currency, RetentionValidator.Validate(candidate, view.Context));
    }

    /// <summary>Validates the input and prices its plan without saving anything (the form's "Preview plan").</summary>
    public async Task<(Outcome Outcome, PricedRetentionPlan? Plan)> PreviewAsync(ClaimsPrincipal user, long entityId, RetentionInput input, CancellationToken cancellationToken = default)
    {
        var (allowed, _) = await AuthorizeAsync(user, entityId, "retention.preview", cancellationToken);
        if (allowed is not null) return (allowed, null);
        var (policy, problems) = input.ToPolicy();
        if (policy is null) return (Outcome.Invalid(problems), null);
        var view = await LoadAsync(entityId, cancellationToken);
        if (view is null) return (Outcome.NotFound("The dataset"), null);
        var priced = Preview(view, policy);
        return (priced.Violations.Count > 0 ? Outcome.Invalid(priced.Violations) : Outcome.Done("Plan computed; nothing saved yet."), priced);
    }

    public async Task<Outcome> SaveAsync(ClaimsPrincipal user, long entityId, RetentionInput input, CancellationToken cancellationToken = default)
    {
        var (denied, entity) = await AuthorizeAsync(user, entityId, AuditActions.RetentionChanged, cancellationToken);
        if (denied is not null) return denied;
        var (policy, problems) = input.ToPolicy();
        if (policy is null) return Outcome.Invalid(problems);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var view = await RetentionStore.LoadAsync(connection, transaction, entityId, cancellationToken, lockPortalRow: true);
        if (view is null) return Outcome.NotFound("The dataset");
        var violations = RetentionValidator.Validate(policy, view.Context);
        if (violations.Count > 0) return Outcome.Invalid(violations);
        if (view.PortalVersion != input.Version)
            return Outcome.Conflict(ConflictMessage(view.Context.Portal));

        int version;
        try
        {
            version = await RetentionStore.WritePortalAsync(connection, transaction, entityId, policy, view.Context.Portal?.Version, GovernanceGate.ActorOf(user), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Two first edits at once: the other one committed its row between our read and our insert.
            return Outcome.Conflict(ConflictMessage(null).Replace("was reset", "was created", StringComparison.Ordinal));
        }
        await audit.RecordAsync(connection, transaction, new AuditRecord(GovernanceGate.ActorOf(user), AuditActions.RetentionChanged, entity!.Ref)
        {
            Before = Describe(view.Effective.Policy, view.Effective.Origin), After = Describe(policy, PolicyOrigin.Portal), Reason = input.Reason,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done($"Retention of {entity.Ref} is now: {policy}.", version);
    }

    /// <summary>Removes the portal's policy so the descriptor (or a default) applies again.</summary>
    public async Task<Outcome> ResetAsync(ClaimsPrincipal user, long entityId, int version, string? reason, CancellationToken cancellationToken = default)
    {
        var (denied, entity) = await AuthorizeAsync(user, entityId, AuditActions.RetentionReset, cancellationToken);
        if (denied is not null) return denied;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var view = await RetentionStore.LoadAsync(connection, transaction, entityId, cancellationToken, lockPortalRow: true);
        if (view?.Context.Portal is not { } portal) return Outcome.Conflict("There is no portal edit to reset (someone may have reset it already).");
        if (portal.Version != version) return Outcome.Conflict(ConflictMessage(portal));
        await RetentionStore.DeletePortalAsync(connection, transaction, entityId, cancellationToken);
        var after = RetentionResolver.Resolve(view.Context with { Portal = null });
        await audit.RecordAsync(connection, transaction, new AuditRecord(GovernanceGate.ActorOf(user), AuditActions.RetentionReset, entity!.Ref)
        {
            Before = Describe(portal.Policy, PolicyOrigin.Portal), After = Describe(after.Policy, after.Origin), Reason = reason,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done($"The portal edit was removed; {after.Policy} ({OriginLabel(after.Origin)}) applies.");
    }

    public static string OriginLabel(PolicyOrigin origin) => origin switch
    {
        PolicyOrigin.Portal => "edited in the portal",
        PolicyOrigin.Descriptor => "declared in the descriptor",
        PolicyOrigin.NamespaceDefault => "namespace default",
        PolicyOrigin.ClassificationDefault => "classification default",
        _ => "catalog default",
    };

    private async Task<(Outcome? Denied, OwnedEntity? Entity)> AuthorizeAsync(ClaimsPrincipal user, long entityId, string attempted, CancellationToken cancellationToken)
    {
        var person = await gate.RequirePersonAsync(user, attempted, $"entity:{entityId}", cancellationToken);
        if (!person.IsAllowed) return (Outcome.Denied(person), null);
        var entity = await entities.FindVisibleAsync(entityId, await gate.PrincipalAsync(user, cancellationToken), cancellationToken);
        if (entity is null) return (Outcome.NotFound("The dataset"), null);
        var owner = await gate.RequireOwnerAsync(user, entity, attempted, cancellationToken);
        return owner.IsAllowed ? (null, entity) : (Outcome.Denied(owner), entity);
    }

    private static string ConflictMessage(DeclaredRetention? current) => current is null
        ? "Someone else changed this retention policy while you were editing (the portal edit was reset). Reload to see the current policy, then make your change again."
        : $"Someone else changed this retention policy while you were editing: it is now '{current.Policy}' (by {current.UpdatedBy ?? "unknown"} at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC). Reload to see it, then make your change again.";

    private static object Describe(RetentionPolicy policy, PolicyOrigin origin) => new
    {
        mode = RetentionInput.Wire(policy.Mode), value = policy.Value, justification = policy.Justification, origin = origin.ToString(),
    };
}
