using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Domain.Health;
using Catalog.Plugins.Health.Evaluation;
using Catalog.Plugins.Ui;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Plugins.Health.Notifications;

/// <summary>
/// Notifies on transitions, not on every check: the current problems are compared with those last seen
/// (<c>health_problem_states</c>); only problems that appeared since produce notifications, written to the
/// outbox in the same transaction, then delivered. Problems that cleared are forgotten, so a relapse notifies again.
/// The first check on a catalog is a baseline (<c>health_monitor_state</c> has no row yet): its problems are
/// recorded, marked <c>baseline</c> and shown on /health, but not notified, so a portal started on an existing
/// catalog does not send a burst for problems that were there before it watched.
/// </summary>
public sealed partial class HealthNotifier(NpgsqlDataSource dataSource, WebhookSender sender, IOptions<HealthOptions> options, ILogger<HealthNotifier> logger,
    Lateness.WhyLateService whyLate)
{
    /// <summary>Records what changed since the last check and queues notifications for what appeared.</summary>
    public async Task<Transitions> RecordTransitionsAsync(IReadOnlyList<EntityHealth> health, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('catalog.health.monitor'))", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        bool isBaseline;
        await using (var stateCommand = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM health_monitor_state)", connection, transaction))
            isBaseline = await stateCommand.ExecuteScalarAsync(cancellationToken) is true;

        var current = health.SelectMany(h => h.Problems.Select(p => (Health: h, Problem: p))).ToList();
        var appeared = new List<(EntityHealth Health, HealthProblem Problem)>();
        foreach (var (entity, problem) in current)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO health_problem_states (entity_id, kind, subject, summary, since, first_seen, baseline)
                VALUES (@entity, @kind, @subject, @summary, @since, @now, @baseline)
                ON CONFLICT (entity_id, kind, subject) DO UPDATE SET summary = excluded.summary
                RETURNING (xmax = 0)
                """, connection, transaction);
            insert.Parameters.AddWithValue("entity", entity.EntityId);
            insert.Parameters.AddWithValue("kind", Kind(problem.Kind));
            insert.Parameters.AddWithValue("subject", problem.Subject);
            insert.Parameters.AddWithValue("summary", problem.Summary);
            insert.Parameters.AddWithValue("since", problem.Since);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("baseline", isBaseline);
            if (await insert.ExecuteScalarAsync(cancellationToken) is true) appeared.Add((entity, problem));
        }
        await using (var clear = new NpgsqlCommand("""
            DELETE FROM health_problem_states s
            WHERE NOT EXISTS (SELECT 1 FROM unnest(@entities, @kinds, @subjects) AS c(entity_id, kind, subject)
                              WHERE c.entity_id = s.entity_id AND c.kind = s.kind AND c.subject = s.subject)
            """, connection, transaction))
        {
            clear.Parameters.Add(new NpgsqlParameter("entities", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = current.Select(c => c.Health.EntityId).ToArray() });
            clear.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = current.Select(c => Kind(c.Problem.Kind)).ToArray() });
            clear.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = current.Select(c => c.Problem.Subject).ToArray() });
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        if (isBaseline)
        {
            await using var baseline = new NpgsqlCommand(
                "INSERT INTO health_monitor_state (baseline_at, baseline_size) VALUES (@now, @size)", connection, transaction);
            baseline.Parameters.AddWithValue("now", now);
            baseline.Parameters.AddWithValue("size", appeared.Count);
            await baseline.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogBaseline(logger, appeared.Count);
            return new Transitions(Baseline: true, Appeared: appeared.Count, Queued: 0);
        }

        var queued = 0;
        foreach (var (entity, problem) in appeared)
        {
            var eventType = problem.Kind switch
            {
                HealthProblemKind.Late => HealthEventTypes.EndpointLate,
                HealthProblemKind.RunFailed => HealthEventTypes.RunFailed,
                _ => null,
            };
            if (eventType is null) continue;
            var cause = eventType == HealthEventTypes.EndpointLate && options.Value.Webhooks.Any(w => w.Events.Contains(eventType))
                ? await CauseAsync(entity, now, cancellationToken) : null;
            foreach (var webhook in options.Value.Webhooks.Where(w => w.Events.Contains(eventType)))
            {
                var payload = Payload(Guid.NewGuid(), eventType, now, entity, problem) with { Cause = cause };
                await using var outbox = new NpgsqlCommand("""
                    INSERT INTO health_notifications (id, webhook, event_type, entity_id, payload, created_at)
                    VALUES (@id, @webhook, @type, @entity, @payload::jsonb, @now)
                    """, connection, transaction);
                outbox.Parameters.AddWithValue("id", payload.Id);
                outbox.Parameters.AddWithValue("webhook", webhook.Url);
                outbox.Parameters.AddWithValue("type", eventType);
                outbox.Parameters.AddWithValue("entity", entity.EntityId);
                outbox.Parameters.AddWithValue("payload", JsonSerializer.Serialize(payload));
                outbox.Parameters.AddWithValue("now", now);
                await outbox.ExecuteNonQueryAsync(cancellationToken);
                queued++;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new Transitions(Baseline: false, Appeared: appeared.Count, Queued: queued);
    }

    /// <summary>What one check recorded: whether it was the baseline, how many problems appeared, how many notifications were queued.</summary>
    public sealed record Transitions(bool Baseline, int Appeared, int Queued);

    /// <summary>When the baseline was taken, and the problems it recorded that are still current (not notified).</summary>
    public async Task<MonitorBaseline?> ReadBaselineAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new("SELECT baseline_at, baseline_size FROM health_monitor_state"));
        batch.BatchCommands.Add(new("SELECT entity_id, kind, subject FROM health_problem_states WHERE baseline"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var (at, size) = (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1));
        await reader.NextResultAsync(cancellationToken);
        var still = new HashSet<(long, string, string)>();
        while (await reader.ReadAsync(cancellationToken)) still.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        return new MonitorBaseline(at, size, still);
    }

    /// <summary>Sends what is pending in the outbox. Returns how many were delivered.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<(Guid Id, string Url, string Type, string Body)>();
        await using (var select = dataSource.CreateCommand(
            "SELECT id, webhook, event_type, payload::text FROM health_notifications WHERE status = 'pending' ORDER BY created_at LIMIT 500"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                pending.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));

        var delivered = 0;
        foreach (var item in pending)
        {
            var webhook = options.Value.Webhooks.FirstOrDefault(w => w.Url == item.Url);
            var outcome = webhook is null
                ? new WebhookSender.Outcome(false, 0, "The webhook is no longer configured.")
                : await sender.SendAsync(webhook, item.Type, item.Id, item.Body, cancellationToken);
            if (outcome.Delivered) delivered++;
            else LogUndelivered(logger, item.Id, webhook?.DisplayName ?? item.Url, outcome.Error);
            await using var update = dataSource.CreateCommand("""
                UPDATE health_notifications SET status = @status, attempts = attempts + @attempts, last_error = @error,
                       delivered_at = CASE WHEN @status = 'delivered' THEN now() END
                WHERE id = @id
                """);
            update.Parameters.AddWithValue("status", outcome.Delivered ? "delivered" : "failed");
            update.Parameters.AddWithValue("attempts", outcome.Attempts);
            update.Parameters.AddWithValue("error", (object?)outcome.Error ?? DBNull.Value);
            update.Parameters.AddWithValue("id", item.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        return delivered;
    }

    // Receivers are outside the catalog: the chain is explained as an anonymous reader sees it (restricted steps opaque).
    private async Task<PayloadCause?> CauseAsync(EntityHealth entity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chain = await whyLate.ExplainAsync(entity.Ref, Catalog.Plugins.Security.CatalogPrincipal.Anonymous, now, cancellationToken);
        return chain?.FirstLate is { } first ? new PayloadCause(first.Id, first.Owner, first.Causes, [.. chain.CriticalPath.Select(s => s.Id)]) : null;
    }

    private HealthEventPayload Payload(Guid id, string eventType, DateTimeOffset now, EntityHealth entity, HealthProblem problem)
    {
        var entityRef = EntityRef.Parse(entity.Ref);
        var path = EntityLinks.Href(entityRef);
        var url = options.Value.PortalBaseUrl is { Length: > 0 } b ? new Uri(new Uri(b), path).ToString() : path;
        return new HealthEventPayload(id, eventType, now,
            new PayloadEntity(entity.Ref, entityRef.Kind, entityRef.Namespace, entityRef.Name, entity.OwnerRef, url),
            new PayloadProblem(Kind(problem.Kind), problem.Subject, problem.Summary, problem.Since));
    }

    public static string Kind(HealthProblemKind kind) => kind switch
    {
        HealthProblemKind.Late => "late",
        HealthProblemKind.RunFailed => "run_failed",
        HealthProblemKind.RunningLong => "running_long",
        HealthProblemKind.QualityFailed => "quality_failed",
        _ => "quality_warned",
    };

    [LoggerMessage(LogLevel.Information, "Health monitor baseline: {Count} existing problems recorded without notifications; problems that appear from now on are notified")]
    private static partial void LogBaseline(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Health notification {Id} to {Webhook} was not delivered: {Error}")]
    private static partial void LogUndelivered(ILogger logger, Guid id, string webhook, string? error);
}
