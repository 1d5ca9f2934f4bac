using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;
using Npgsql;
using static Catalog.Harvesting.Storage.SqlCommands;

namespace Catalog.Harvesting.Storage;

/// <summary>
/// The harvest bookkeeping tables: runs, raw inputs, processed content hashes and errors. Statements here run
/// outside the batch transaction on purpose: a raw input is stored before processing and survives its failure.
/// </summary>
internal sealed class HarvestLedger(NpgsqlDataSource dataSource)
{
    private const string InsertError = """
        INSERT INTO harvest_errors (run_id, harvester, location, position, reason, raw_input_id)
        VALUES (@run_id, @harvester, @location, @position, @reason, @raw_input_id)
        """;

    public async Task StartRunAsync(Guid runId, string harvester, string target, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO harvest_runs (id, harvester, target, status, host, pid, heartbeat_at) VALUES ($1, $2, $3, 'running', $4, $5, now())
            """);
        command.Parameters.AddWithValue(runId);
        command.Parameters.AddWithValue(harvester);
        command.Parameters.AddWithValue(MetadataLimits.Truncate(target, MetadataLimits.FieldType)!);
        command.Parameters.AddWithValue(Environment.MachineName);
        command.Parameters.AddWithValue(Environment.ProcessId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Tells other processes this run is alive (see <see cref="StuckRuns"/>).</summary>
    public async Task HeartbeatAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE harvest_runs SET heartbeat_at = now() WHERE id = $1 AND status = 'running'");
        command.Parameters.AddWithValue(runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// What is known about a location's content. For a run's input it also stamps the location as seen by this run of
    /// this target (one round trip), which is how a Full directory harvest later finds the files that disappeared.
    /// </summary>
    public async Task<KnownInput?> SeeInputAsync(HarvestBatchScope scope, string location, CancellationToken cancellationToken)
    {
        var stamp = scope.Target is not null && scope.RunId is not null;
        await using var command = dataSource.CreateCommand(stamp
            ? """
              UPDATE harvest_inputs i SET target = $3, seen_at = clock_timestamp() WHERE harvester = $1 AND location = $2
              RETURNING content_hash, status, raw_input_id, (SELECT r.error FROM raw_inputs r WHERE r.id = i.raw_input_id)
              """
            : """
              SELECT content_hash, status, raw_input_id, (SELECT r.error FROM raw_inputs r WHERE r.id = i.raw_input_id)
              FROM harvest_inputs i WHERE harvester = $1 AND location = $2
              """);
        command.Parameters.AddWithValue(scope.Harvester);
        command.Parameters.AddWithValue(location);
        if (stamp)
        {
            command.Parameters.AddWithValue(scope.Target!);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new KnownInput(reader.GetString(0), reader.GetString(1) == "failed",
            reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    /// <summary>Remembers content that failed, so the same content is not re-processed on every run (unless forced).</summary>
    public async Task RememberFailureAsync(HarvestBatchScope scope, string location, string contentHash, long rawInputId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO harvest_inputs (harvester, location, content_hash, last_run_id, status, raw_input_id, target, seen_at)
            VALUES ($1, $2, $3, $4, 'failed', $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE clock_timestamp() END)
            ON CONFLICT (harvester, location) DO UPDATE SET content_hash = EXCLUDED.content_hash, last_run_id = EXCLUDED.last_run_id,
                status = 'failed', raw_input_id = EXCLUDED.raw_input_id, processed_at = now(),
                target = COALESCE(EXCLUDED.target, harvest_inputs.target), seen_at = COALESCE(EXCLUDED.seen_at, harvest_inputs.seen_at)
            """);
        command.Parameters.AddWithValue(scope.Harvester);
        command.Parameters.AddWithValue(location);
        command.Parameters.AddWithValue(contentHash);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.RunId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue(rawInputId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishRunAsync(HarvestRunSummary summary, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE harvest_runs SET finished_at = now(), status = $2, inputs_seen = $3, inputs_skipped = $4, inputs_failed = $5,
                   items_applied = $6, entities_removed = $7, error_count = $8, summary = $9, inputs_still_failing = $10
            WHERE id = $1
            """);
        command.Parameters.AddWithValue(summary.RunId);
        command.Parameters.AddWithValue(summary.Status.ToWire());
        command.Parameters.AddWithValue(summary.InputsSeen);
        command.Parameters.AddWithValue(summary.InputsSkipped);
        command.Parameters.AddWithValue(summary.InputsFailed);
        command.Parameters.AddWithValue(summary.ItemsApplied);
        command.Parameters.AddWithValue(summary.EntitiesRemoved);
        command.Parameters.AddWithValue(summary.ErrorCount);
        command.Parameters.AddWithValue(MetadataLimits.Truncate(summary.Describe(), MetadataLimits.Reason)!);
        command.Parameters.AddWithValue(summary.InputsStillFailing);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Stores the raw bytes before anything is applied. The insert commits without waiting for its WAL flush
    /// (<see cref="AsyncCommit"/>): every way an input ends — applied, failed, skipped — is a later synchronous commit,
    /// and flushing WAL up to that commit flushes this insert too, so the raw input of every acknowledged input is as
    /// durable as before. Only an input whose process crashed before its outcome was written could lose its raw row,
    /// and such an input was never acknowledged. Saves one disk flush per input.
    /// </summary>
    public async Task<long> StoreRawAsync(Guid? runId, string harvester, HarvestInput input, string contentHash, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AsyncCommit));
        batch.BatchCommands.Add(Command("""
            INSERT INTO raw_inputs (run_id, harvester, location, media_type, content_hash, payload, mode)
            VALUES (@run_id, @harvester, @location, @media_type, @hash, @payload, @mode) RETURNING id
            """, Uuid("run_id", runId), Text("harvester", harvester), Text("location", input.Location), Text("media_type", input.MediaType),
            Text("hash", contentHash), Bytes("payload", input.Content.ToArray()), Text("mode", input.Mode == HarvestMode.Full ? "full" : "delta")));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }

    /// <summary>
    /// First command of a batch whose commit need not wait for the disk (a batch runs as one implicit transaction, and
    /// the setting lasts until it ends).
    /// </summary>
    public const string AsyncCommit = "SELECT set_config('synchronous_commit', 'off', true)";

    public async Task MarkRawAsync(long rawInputId, string status, string? error, CancellationToken cancellationToken, bool onlyIfPending = false)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE raw_inputs SET status = $2, error = $3 WHERE id = $1{(onlyIfPending ? " AND status = 'pending'" : "")}");
        command.Parameters.AddWithValue(rawInputId);
        command.Parameters.AddWithValue(status);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)RawError(error) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordErrorsAsync(Guid? runId, string harvester, IEnumerable<HarvestError> errors, long? rawInputId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var error in errors) batch.BatchCommands.Add(ErrorCommand(runId, harvester, error, rawInputId));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every error is stored redacted: a driver's message or a harvester's location may quote a connection string.</summary>
    public static NpgsqlBatchCommand ErrorCommand(Guid? runId, string harvester, HarvestError error, long? rawInputId) => Command(InsertError,
        Uuid("run_id", runId), Text("harvester", harvester),
        Text("location", MetadataLimits.Truncate(SecretRedaction.Redact(error.Location), MetadataLimits.FieldType)),
        Text("position", MetadataLimits.Truncate(SecretRedaction.RedactNullable(error.Position), MetadataLimits.FieldType)),
        Text("reason", MetadataLimits.Truncate(SecretRedaction.Redact(error.Reason), MetadataLimits.Reason)),
        Long("raw_input_id", rawInputId));

    /// <summary>The error as it may be shown (<see cref="SecretRedaction"/> on each part).</summary>
    public static HarvestError Redacted(HarvestError error) => error with
    {
        Location = SecretRedaction.Redact(error.Location), Reason = SecretRedaction.Redact(error.Reason), Position = SecretRedaction.RedactNullable(error.Position),
    };

    /// <summary>A raw input's failure as stored in <c>raw_inputs.error</c>: redacted, bounded.</summary>
    public static string? RawError(string? error) => MetadataLimits.Truncate(SecretRedaction.RedactNullable(error), MetadataLimits.Reason);

    public async Task<StoredSchema?> GetLatestSchemaAsync(EntityRef subject, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.version, v.fingerprint, v.definition FROM schema_versions v JOIN entities e ON e.id = v.entity_id
            WHERE e.ref = $1 ORDER BY v.version DESC LIMIT 1
            """);
        command.Parameters.AddWithValue(subject.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredSchema(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)) : null;
    }
}

/// <summary>The last content seen from a location: its hash, whether it failed, and the raw input of that attempt.</summary>
internal sealed record KnownInput(string ContentHash, bool Failed, long? RawInputId, string? RawError);
