using Catalog.Domain.Entities;
using Catalog.Harvesting.Trust;
using Catalog.Plugins.Harvesting;
using Npgsql;
using static Catalog.Harvesting.Storage.SqlCommands;

namespace Catalog.Harvesting.Storage;

/// <summary>What to apply: one input's items and the errors its harvester already reported.</summary>
internal sealed record BatchRequest(Guid? RunId, string? Target, string Harvester, HarvestInput Input, long RawInputId, string ContentHash,
    IReadOnlyList<HarvestItem> Items, IReadOnlyList<HarvestError> Errors, bool Force)
{
    /// <summary>Pushed outside a harvest run (an OpenLineage POST): judged as the harvester's push source.</summary>
    public bool IsPush { get; init; }
}

internal enum BatchOutcomeKind { Applied, Unchanged }

internal sealed record BatchOutcome(BatchOutcomeKind Kind, int ItemsApplied, int EntitiesRemoved, IReadOnlyList<HarvestError> Errors);

/// <summary>
/// Applies one input in one transaction. Under a per-location advisory lock it re-checks the content hash (another
/// indexer may have just processed the same content), creates stubs for referenced entities and locks them in id
/// order (so concurrent batches cannot deadlock on them), runs every item's upserts as one round trip, and only if
/// that fails retries item by item in savepoints so one bad item costs only itself. Then stale removal, the content
/// hash, the raw input's status and the errors are written in the same transaction.
/// </summary>
internal sealed class BatchApplier(NpgsqlDataSource dataSource, HarvestingOptions options, TrustOptions trust, IHarvestAudit? audit)
{
    private const int Attempts = 3;

    // Every referenced entity that does not exist yet, in one statement in ref order (so concurrent batches insert, and
    // then lock, in the same order). An entity the batch itself reports is inserted with its reported values rather
    // than bare: its upsert then changes nothing, and its search document is built once instead of twice.
    private const string InsertStubs = """
        INSERT INTO entities (kind, namespace, name, title, description, owner_ref, platform, location,
                              classification, visibility, lifecycle, tags, source_location, removed_at, described_by)
        SELECT k, n, m, t, d, o, p, l, COALESCE(c, 'internal'), COALESCE(v, 'everyone'), COALESCE(lc, 'active'),
               ARRAY(SELECT jsonb_array_elements_text(tg::jsonb)), s, CASE WHEN lc IN ('removed', 'deleted') THEN now() END, db
        FROM unnest(@kinds, @namespaces, @names, @titles, @descriptions, @owners, @platforms, @locations,
                    @classifications, @visibilities, @lifecycles, @tags, @sources, @described_by) AS u(k, n, m, t, d, o, p, l, c, v, lc, tg, s, db)
        ORDER BY k, n, m
        ON CONFLICT (kind, namespace, name) DO NOTHING
        """;

    // Stubs get their kind's detail row too, so every dataset has a datasets row and every job a jobs row.
    private const string InsertDatasetRows =
        "INSERT INTO datasets (entity_id) SELECT id FROM entities WHERE ref = ANY(@refs) AND kind = 'dataset' ON CONFLICT DO NOTHING";

    private const string InsertJobRows =
        "INSERT INTO jobs (entity_id) SELECT id FROM entities WHERE ref = ANY(@refs) AND kind = 'job' ON CONFLICT DO NOTHING";

    private const string LockEntities = "SELECT id FROM entities WHERE ref = ANY(@refs) ORDER BY id FOR UPDATE";

    // A pushed input (no target) keeps the target a run may have recorded: only runs decide which files disappeared.
    private const string RememberContent = """
        INSERT INTO harvest_inputs (harvester, location, content_hash, last_run_id, status, raw_input_id, target, seen_at)
        VALUES (@harvester, @location, @hash, @run_id, 'processed', @raw_input_id, @target, CASE WHEN @target IS NULL THEN NULL ELSE clock_timestamp() END)
        ON CONFLICT (harvester, location) DO UPDATE SET content_hash = EXCLUDED.content_hash, last_run_id = EXCLUDED.last_run_id,
            processed_at = now(), status = 'processed', raw_input_id = EXCLUDED.raw_input_id,
            target = COALESCE(EXCLUDED.target, harvest_inputs.target), seen_at = COALESCE(EXCLUDED.seen_at, harvest_inputs.seen_at)
        """;

    public async Task<BatchOutcome> ApplyAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        // The trust model first: what the source may not set becomes a claim, what a token may not write is refused.
        var filter = new TrustFilter(trust, TrustOptions.SourceOf(request.Harvester, request.IsPush), request.Input);
        var context = new PlanContext(request.Harvester, request.Input.Location, request.Input.Mode) { Rules = filter.RuleFor };
        var (items, refused) = filter.Apply(request.Items);
        var errors = new List<HarvestError>(request.Errors);
        errors.AddRange(refused);
        var plans = new List<ItemPlan>();
        for (var i = 0; i < items.Count; i++)
        {
            var (plan, problem) = ItemPlanner.Plan(i, items[i], context);
            problem ??= plan?.References.Any(r => r.Kind is null) == true ? "an entity reference is empty" : null;
            if (problem is not null) errors.Add(ItemError(request.Input, i, items[i], problem));
            else plans.Add(plan!);
        }
        var changeSource = new HarvestChangeSource(filter.Source, request.Harvester, request.Input.Location, request.RunId, request.Input.PushedBy);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(request, context, changeSource, plans, errors, cancellationToken);
            }
            catch (PostgresException e) when (attempt < Attempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Another indexer touched the same rows in an order the locks could not prevent: the whole batch retries.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt * Random.Shared.Next(1, 4)), cancellationToken);
            }
        }
    }

    private async Task<BatchOutcome> ApplyOnceAsync(BatchRequest request, PlanContext context, HarvestChangeSource changeSource,
        IReadOnlyList<ItemPlan> plans, IReadOnlyList<HarvestError> plannedErrors, CancellationToken cancellationToken)
    {
        var location = request.Input.Location;
        var errors = new List<HarvestError>(plannedErrors);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (await LockAndReadProcessedHashAsync(connection, transaction, request, audit is not null, cancellationToken) == request.ContentHash && !request.Force)
        {
            await FinishRawAsync(connection, transaction, request.RawInputId, "skipped", "unchanged: processed by another indexer meanwhile", cancellationToken);
            if (request.Target is not null) await StampSeenAsync(connection, transaction, request, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new BatchOutcome(BatchOutcomeKind.Unchanged, 0, 0, []);
        }

        var full = request.Input.Mode == HarvestMode.Full;
        var claimedBefore = full ? await StaleRemover.CountClaimedAsync(connection, transaction, [location], cancellationToken) : 0;

        var applied = await ApplyAllAsync(connection, transaction, plans, errors, request.Input, context, cancellationToken);

        var removed = 0;
        if (full && errors.Count == 0)
        {
            var described = plans.Where(p => p.Describes is not null).Select(p => p.Describes!.Value.ToString()).Distinct().ToList();
            var relations = plans.Where(p => p.RelationKey is not null).Select(p => p.RelationKey!).Distinct().ToList();
            var policies = plans.Where(p => p.PolicyKey is not null).Select(p => p.PolicyKey!).Distinct().ToList();
            var (entitiesRemoved, refusal) = await StaleRemover.RemoveAsync(connection, transaction, location, claimedBefore,
                new StillReported(described, relations, policies), options.MaxRemovalShare, cancellationToken);
            removed = entitiesRemoved;
            if (refusal is not null) errors.Add(refusal);
        }
        else if (full && claimedBefore > 0)
        {
            errors.Add(new HarvestError(location, "stale removal skipped: part of this input could not be read or applied, so what it no longer reports is unknown")
            { Position = "stale removal" });
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command(RememberContent, Text("harvester", request.Harvester), Text("location", location),
                Text("hash", request.ContentHash), Uuid("run_id", request.RunId), Long("raw_input_id", request.RawInputId), Text("target", request.Target)));
            batch.BatchCommands.Add(RawStatus(request.RawInputId, "processed", errors.Count == 0 ? null : $"{errors.Count} errors: {errors[0]}"));
            foreach (var error in errors) batch.BatchCommands.Add(HarvestLedger.ErrorCommand(request.RunId, request.Harvester, error, request.RawInputId));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        // Every owner, classification, access and retention change of this transaction, into the audit trail before it commits.
        if (audit is not null) await GovernanceChangeLog.FlushAsync(connection, transaction, audit, changeSource, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BatchOutcome(BatchOutcomeKind.Applied, applied, removed, errors);
    }

    /// <summary>All items in one round trip; when that fails, item by item in savepoints. Returns how many landed.</summary>
    private static async Task<int> ApplyAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ItemPlan> plans,
        List<HarvestError> errors, HarvestInput input, PlanContext context, CancellationToken cancellationToken)
    {
        if (plans.Count == 0) return 0;
        try
        {
            var noRowErrors = await ExecuteAsync(connection, transaction, plans, "all_items", context, cancellationToken);
            errors.AddRange(noRowErrors.Select(e => new HarvestError(input.Location, e.Reason) { Position = e.Plan.Describe() }));
            return plans.Count;
        }
        catch (PostgresException e) when (!IsTransient(e))
        {
            await transaction.RollbackAsync("all_items", cancellationToken);
        }

        var applied = 0;
        foreach (var plan in plans)
        {
            try
            {
                var noRowErrors = await ExecuteAsync(connection, transaction, [plan], "item", context, cancellationToken);
                errors.AddRange(noRowErrors.Select(e => new HarvestError(input.Location, e.Reason) { Position = e.Plan.Describe() }));
                applied++;
            }
            catch (PostgresException e) when (!IsTransient(e))
            {
                await transaction.RollbackAsync("item", cancellationToken);
                errors.Add(new HarvestError(input.Location, $"could not be stored: {e.MessageText}{(e.ConstraintName is { } c ? $" (constraint {c})" : "")}")
                { Position = plan.Describe() });
            }
        }
        return applied;
    }

    /// <summary>
    /// One round trip: a savepoint, stubs, locks, every plan's commands, and the savepoint's release. When a command
    /// fails, the ones after it are not run and the caller rolls back to <paramref name="savepoint"/>.
    /// </summary>
    private static async Task<List<(ItemPlan Plan, string Reason)>> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<ItemPlan> plans, string savepoint, PlanContext context, CancellationToken cancellationToken)
    {
        var references = plans.SelectMany(p => p.References).Distinct().OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
        var refs = references.Select(r => r.ToString()).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {savepoint}"));
        batch.BatchCommands.Add(Stubs(references, plans, context));
        batch.BatchCommands.Add(Command(InsertDatasetRows, TextArray("refs", refs)));
        batch.BatchCommands.Add(Command(InsertJobRows, TextArray("refs", refs)));
        batch.BatchCommands.Add(Command(LockEntities, TextArray("refs", refs)));
        var checks = new List<(NpgsqlBatchCommand Command, ItemPlan Plan, string Reason)>();
        foreach (var plan in plans)
        {
            foreach (var planned in plan.Commands())
            {
                batch.BatchCommands.Add(planned.Command);
                if (planned.ErrorWhenNoRow is { } reason) checks.Add((planned.Command, plan, reason));
            }
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"RELEASE SAVEPOINT {savepoint}"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return checks.Where(c => c.Command.RecordsAffected == 0).Select(c => (c.Plan, c.Reason)).ToList();
    }

    /// <summary>
    /// Takes the location's lock and then reads the content hash processed from it, in one round trip: the read runs
    /// after the lock is granted, so it sees what another indexer committed under the same lock.
    /// </summary>
    private static async Task<string?> LockAndReadProcessedHashAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchRequest request,
        bool audited, CancellationToken cancellationToken)
    {
        // Turns on the governance-change triggers for this transaction only (see GovernanceChangeLog).
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", Text("key", $"{request.Harvester}\n{request.Input.Location}")),
                Command("SELECT content_hash FROM harvest_inputs WHERE harvester = @harvester AND location = @location AND status = 'processed'",
                    Text("harvester", request.Harvester), Text("location", request.Input.Location)),
                Command(GovernanceChangeLog.EnableSql, Text("audited", audited ? "on" : "off")),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
    }

    /// <summary>
    /// This run saw the location even though another indexer processed it: its first look found no row to stamp, so
    /// stamp it now, or this run's end would take the file for deleted.
    /// </summary>
    private static async Task StampSeenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchRequest request, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE harvest_inputs SET target = @target, seen_at = clock_timestamp() WHERE harvester = @harvester AND location = @location", connection, transaction);
        command.Parameters.AddWithValue("target", request.Target!);
        command.Parameters.AddWithValue("harvester", request.Harvester);
        command.Parameters.AddWithValue("location", request.Input.Location);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task FinishRawAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long rawInputId, string status, string? error, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { RawStatus(rawInputId, status, error) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand RawStatus(long rawInputId, string status, string? error) =>
        Command("UPDATE raw_inputs SET status = @status, error = @error WHERE id = @id",
            Long("id", rawInputId), Text("status", status), Text("error", HarvestLedger.RawError(error)));

    private static NpgsqlBatchCommand Stubs(IReadOnlyList<EntityRef> references, IReadOnlyList<ItemPlan> plans, PlanContext context)
    {
        var reported = new Dictionary<EntityRef, EntityValues>();
        foreach (var plan in plans)
            if (plan.ReportedEntity is { } entity) reported.TryAdd(entity.Ref, EntityPlans.Values(entity, context.ClaimedLocation, context.DescribedBy(entity.Ref)));
        var rows = references.Select(r => reported.GetValueOrDefault(r)).ToList();
        return Command(InsertStubs,
            TextArray("kinds", references.Select(r => r.Kind)), TextArray("namespaces", references.Select(r => r.Namespace)),
            TextArray("names", references.Select(r => r.Name)),
            TextArray("titles", rows.Select(v => v?.Title)), TextArray("descriptions", rows.Select(v => v?.Description)),
            TextArray("owners", rows.Select(v => v?.Owner)), TextArray("platforms", rows.Select(v => v?.Platform)),
            TextArray("locations", rows.Select(v => v?.Location)), TextArray("classifications", rows.Select(v => v?.Classification)),
            TextArray("visibilities", rows.Select(v => v?.Visibility)), TextArray("lifecycles", rows.Select(v => v?.Lifecycle)),
            TextArray("tags", rows.Select(v => v is null ? null : System.Text.Json.JsonSerializer.Serialize(v.Tags))),
            TextArray("sources", rows.Select(v => v?.Source)), TextArray("described_by", rows.Select(v => v?.DescribedBy)));
    }

    private static bool IsTransient(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    private static HarvestError ItemError(HarvestInput input, int index, HarvestItem item, string reason) =>
        new(input.Location, reason) { Position = $"item {index + 1} ({item.GetType().Name})" };
}
