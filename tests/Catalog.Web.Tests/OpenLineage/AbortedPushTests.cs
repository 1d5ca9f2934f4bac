using System.Net;
using System.Security.Cryptography;
using Catalog.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Web.Tests.OpenLineage;

/// <summary>
/// A producer that disconnects after sending its event, while the portal is still applying it: the raw event is kept,
/// marked failed with the reason, and <c>replay --failed</c> applies it. The test holds the event's location lock (the
/// one the harvest engine takes before applying) so the abort lands mid-apply every time, not by luck of timing.
/// </summary>
public sealed class AbortedPushTests(KestrelIngestWebFactory factory) : IClassFixture<KestrelIngestWebFactory>
{
    [Fact]
    public async Task An_event_whose_producer_disconnects_mid_request_is_kept_as_failed_and_replay_failed_applies_it()
    {
        var body = await File.ReadAllBytesAsync(Corpus.Path("openlineage", "events", "marquez", "open_lineage", "event_full.json"));
        var location = $"api/v1/lineage/{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}";
        using var client = await factory.CreateIngestClientAsync();
        Assert.NotEqual(80, client.BaseAddress!.Port); // a real port, not the in-memory server

        await using var holder = new NpgsqlConnection(factory.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", holder, hold))
        {
            take.Parameters.AddWithValue($"openlineage\n{location}");
            await take.ExecuteNonQueryAsync();
        }

        using var abort = new CancellationTokenSource();
        var post = client.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, abort.Token);
        // The body arrived and was stored before processing; the apply now waits for the lock this test holds.
        var rawId = (await WaitForAsync(() => ScalarAsync<long?>("SELECT id FROM raw_inputs WHERE location = $1 AND status = 'pending'", location))).GetValueOrDefault();
        await WaitForAsync(() => ScalarAsync<bool?>("SELECT true FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);

        var (status, error) = (await WaitForAsync<(string Status, string? Error)?>(async () =>
        {
            var row = await RowAsync("SELECT status, error FROM raw_inputs WHERE id = $1", rawId);
            return row.Status == "pending" ? null : row;
        })).GetValueOrDefault();
        await hold.RollbackAsync();
        Assert.Equal("failed", status);
        Assert.Contains("interrupted before it was applied", error, StringComparison.Ordinal);
        Assert.Contains($"replay --id {rawId}", error, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long?>("SELECT count(*) FROM entities WHERE ref = 'job:my-scheduler-namespace:myjob.mytask'"));

        // What `catalog-indexer replay --failed` does: find failed inputs and replay them.
        var replayer = factory.Services.GetRequiredService<RawInputReplayer>();
        var failed = await replayer.FindAsync(null, failedOnly: true, 100, CancellationToken.None);
        Assert.Contains(failed, f => f.Id == rawId);
        var summary = await replayer.ReplayAsync([.. failed.Where(f => f.Id == rawId)], null, CancellationToken.None);

        Assert.Equal(HarvestRunStatus.Succeeded, summary.Status);
        Assert.Equal(1L, await ScalarAsync<long?>("SELECT count(*) FROM entities WHERE ref = 'job:my-scheduler-namespace:myjob.mytask'"));
        Assert.Equal("skipped", (await RowAsync("SELECT status, error FROM raw_inputs WHERE id = $1", rawId)).Status);

        // The producer retries the same event: it is recognised as already applied.
        var retry = await client.PostAsync("/api/v1/lineage", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("the condition did not become true within 10 s");
    }

    private async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    private async Task<(string Status, string? Error)> RowAsync(string sql, long id)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
