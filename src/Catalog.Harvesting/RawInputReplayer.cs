using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Harvesting;

/// <summary>A stored raw input, as replay sees it.</summary>
public sealed record StoredRawInput(long Id, string Harvester, string Location, string MediaType, byte[] Payload, string Status, HarvestMode Mode);

/// <summary>
/// Replays stored raw inputs through the harvester that first read them (which must be an
/// <see cref="IReplayableHarvester"/>). The replay is a new run; each replayed input is stored again as a new raw
/// input (so the original stays as evidence) and the original is marked as replayed. Inputs are stored and remembered
/// under their own harvester and applied in their original mode (a Full input claims what it reports), so after a
/// successful replay the next harvest of the unchanged source skips it as processed.
/// </summary>
public sealed class RawInputReplayer(NpgsqlDataSource dataSource, HarvestEngine engine, IEnumerable<IHarvester> harvesters)
{
    /// <summary>
    /// Stored raw inputs by id, or (<paramref name="failedOnly"/>) those waiting for a replay: failed ones, and ones
    /// still 'pending' after <see cref="HarvestingOptions.AbandonAfterMinutes"/> — an input is applied within seconds
    /// of being stored, so one pending that long was left behind by a process that died while applying it (a portal
    /// killed during a push: pushes belong to no run that <see cref="StuckRuns"/> could abandon).
    /// </summary>
    public async Task<IReadOnlyList<StoredRawInput>> FindAsync(long? id, bool failedOnly, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, harvester, location, media_type, payload, status, mode FROM raw_inputs
            WHERE ($1::bigint IS NULL OR id = $1)
              AND (NOT $2 OR status = 'failed' OR (status = 'pending' AND received_at < now() - make_interval(mins => $4)))
            ORDER BY id LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.AddWithValue(failedOnly);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(engine.Options.AbandonAfterMinutes);
        var found = new List<StoredRawInput>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new StoredRawInput(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (byte[])reader[4], reader.GetString(5),
                reader.IsDBNull(6) || reader.GetString(6) == "delta" ? HarvestMode.Delta : HarvestMode.Full));
        return found;
    }

    public async Task<HarvestRunSummary> ReplayAsync(IReadOnlyList<StoredRawInput> inputs, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        var run = await engine.StartRunAsync("replay", inputs.Count == 1 ? $"raw input {inputs[0].Id}" : $"{inputs.Count} raw inputs", force: true, cancellationToken, trackLocations: false);
        var done = 0;
        foreach (var stored in inputs)
        {
            var harvester = harvesters.OfType<IReplayableHarvester>().FirstOrDefault(h => h.Kind == stored.Harvester);
            if (harvester is null)
            {
                await run.ReportErrorAsync(new HarvestError(stored.Location,
                    $"raw input {stored.Id} was read by '{stored.Harvester}', which is not installed or cannot replay single inputs") { Position = "replay" }, cancellationToken);
                continue;
            }
            var input = new HarvestInput(stored.Location, stored.Payload, stored.MediaType) { Mode = stored.Mode, Force = true };
            if (await run.BeginInputAsync(stored.Harvester, input, cancellationToken) is HarvestBatch batch)
            {
                await using (batch)
                {
                    try
                    {
                        await harvester.ReadAsync(input, batch, cancellationToken);
                        if (batch.Result is null) await batch.CommitAsync(cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException && batch.Result is null)
                    {
                        await batch.FailAsync(new HarvestError(stored.Location, $"replay stopped with an unexpected error: {e.Message}") { Position = e.GetType().Name }, cancellationToken);
                    }
                    await MarkReplayedAsync(stored.Id, batch.RawInputId, cancellationToken);
                }
            }
            progress?.Report(new HarvestProgress(++done, inputs.Count, stored.Location));
        }
        return await run.CompleteAsync(cancellationToken: cancellationToken);
    }

    private async Task MarkReplayedAsync(long originalId, long replayId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE raw_inputs SET status = 'skipped', error = $2 WHERE id = $1 AND status <> 'processed'");
        command.Parameters.AddWithValue(originalId);
        command.Parameters.AddWithValue($"replayed as raw input {replayId}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
