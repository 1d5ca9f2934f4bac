using System.Diagnostics;
using Catalog.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Indexer.Tests.Harvesting;

public sealed class StuckRunTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    private async Task<Guid> InsertRunningAsync(string host, int pid, TimeSpan heartbeatAge)
    {
        var id = Guid.NewGuid();
        await using var command = db.DataSource.CreateCommand("""
            INSERT INTO harvest_runs (id, harvester, target, status, host, pid, started_at, heartbeat_at)
            VALUES ($1, 'test', 'stuck', 'running', $2, $3, now() - $4, now() - $4)
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(host);
        command.Parameters.AddWithValue(pid);
        command.Parameters.AddWithValue(heartbeatAge);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private static async Task<int> DeadPidAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    [Fact]
    public async Task Runs_of_dead_processes_are_marked_abandoned_when_an_engine_starts_and_live_ones_are_left_alone()
    {
        var deadHere = await InsertRunningAsync(Environment.MachineName, await DeadPidAsync(), TimeSpan.FromSeconds(5));
        var silentElsewhere = await InsertRunningAsync("another-host", 4242, TimeSpan.FromMinutes(30));
        var aliveElsewhere = await InsertRunningAsync("another-host", 4242, TimeSpan.FromSeconds(5));
        var aliveHere = await InsertRunningAsync(Environment.MachineName, Environment.ProcessId, TimeSpan.FromSeconds(5));
        await using (var pending = db.DataSource.CreateCommand(
            "INSERT INTO raw_inputs (run_id, harvester, location, media_type, content_hash, payload) VALUES ($1, 'test', 'stuck/a.json', 'application/json', 'h', '\\x7b7d')"))
        {
            pending.Parameters.AddWithValue(deadHere);
            await pending.ExecuteNonQueryAsync();
        }

        var engine = new HarvestEngine(db.DataSource, Options.Create(new HarvestingOptions { AbandonAfterMinutes = 10 }));
        var run = await engine.StartRunAsync("test", "after the crash");
        await run.CompleteAsync();

        Assert.Equal("abandoned", await db.ScalarAsync<string>("SELECT status FROM harvest_runs WHERE id = $1", deadHere));
        Assert.Equal("abandoned", await db.ScalarAsync<string>("SELECT status FROM harvest_runs WHERE id = $1", silentElsewhere));
        Assert.Equal("running", await db.ScalarAsync<string>("SELECT status FROM harvest_runs WHERE id = $1", aliveElsewhere));
        Assert.Equal("running", await db.ScalarAsync<string>("SELECT status FROM harvest_runs WHERE id = $1", aliveHere));
        Assert.StartsWith("abandoned: the process running it", await db.ScalarAsync<string>("SELECT summary FROM harvest_runs WHERE id = $1", deadHere), StringComparison.Ordinal);
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM raw_inputs WHERE run_id = $1", deadHere));
    }

    [Fact]
    public async Task A_running_harvest_keeps_its_heartbeat_fresh()
    {
        var engine = new HarvestEngine(db.DataSource, Options.Create(new HarvestingOptions { HeartbeatSeconds = 1, AbandonAfterMinutes = 1 }));
        var run = await engine.StartRunAsync("test", "beating");
        var started = await db.ScalarAsync<DateTime>("SELECT heartbeat_at FROM harvest_runs WHERE id = $1", run.Id);

        DateTime beat = started;
        for (var i = 0; i < 50 && beat == started; i++)
        {
            await Task.Delay(100);
            beat = await db.ScalarAsync<DateTime>("SELECT heartbeat_at FROM harvest_runs WHERE id = $1", run.Id);
        }
        await run.CompleteAsync();

        Assert.True(beat > started, "the heartbeat never moved");
        Assert.Equal(Environment.ProcessId, await db.ScalarAsync<int>("SELECT pid FROM harvest_runs WHERE id = $1", run.Id));
    }

    [Fact]
    public async Task Replay_failed_also_takes_inputs_left_pending_longer_than_the_abandon_threshold_but_not_fresh_ones()
    {
        // A pushed event stored by a portal that was killed before applying it: pending, in a push window (no run to abandon).
        var window = await db.ScalarAsync<Guid>("""
            INSERT INTO harvest_runs (id, harvester, target, status, push_window) VALUES (gen_random_uuid(), 'test', 'pushed', 'succeeded', now() - interval '2 hours')
            RETURNING id
            """);
        Task<long> InsertAsync(string location, string age) => db.ScalarAsync<long>($"""
            INSERT INTO raw_inputs (run_id, harvester, location, media_type, content_hash, payload, received_at)
            VALUES ($1, 'test', '{location}', 'application/json', 'h', '\x7b7d', now() - interval '{age}') RETURNING id
            """, window);
        var leftBehind = await InsertAsync("pushed/left-behind.json", "11 minutes");
        var inFlight = await InsertAsync("pushed/in-flight.json", "5 seconds");

        var replayer = new RawInputReplayer(db.DataSource, new HarvestEngine(db.DataSource, Options.Create(new HarvestingOptions { AbandonAfterMinutes = 10 })), []);
        var waiting = await replayer.FindAsync(null, failedOnly: true, 1000, CancellationToken.None);

        Assert.Contains(waiting, w => w.Id == leftBehind && w.Status == "pending");
        Assert.DoesNotContain(waiting, w => w.Id == inFlight);
    }
}
