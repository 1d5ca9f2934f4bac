using System.Text;
using Catalog.Harvesting;
using Catalog.Plugins.OpenLineage.Api;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Web.SampleCatalog;

/// <summary>
/// Keeps the sample catalog alive: on every tick it works out which runs of the sample's scheduled workflows
/// started or finished since it last looked (<c>sample_simulation.simulated_until</c>) and sends their OpenLineage
/// events through the same ingest path as <c>POST /api/v1/lineage</c>. Runs are decided by
/// <see cref="SampleRunPlanner"/> (deterministic: a few late, slow and failing by design). After downtime it
/// catches up at most <see cref="SampleCatalogOptions.MaxCatchUpDays"/>. It only writes into a catalog the sample
/// seeded (the state row exists), and only on the embedded database unless configured otherwise.
/// </summary>
public sealed partial class SampleScheduler(
    IHarvestService harvest, NpgsqlDataSource dataSource, IOptions<SampleCatalogOptions> options, TimeProvider clock, ILogger<SampleScheduler> logger)
    : BackgroundService
{
    private const long LockKey = 0x53414D504C45; // "SAMPLE"
    private const int EventsPerPush = 1000;
    // A run starts at most this long after its period ends (daily cron up to midday, late by design, slow by design).
    private static readonly TimeSpan LongestLag = TimeSpan.FromDays(2);
    // Runs older than this are recorded by their end only (SampleEvents.Of): health reads 20 runs back at most.
    private static readonly TimeSpan FullHistory = TimeSpan.FromDays(21);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WhySchedulerIsOff() is { } reason)
        {
            LogOff(logger, reason);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds)), clock, stoppingToken);
            try
            {
                await AdvanceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogTickFailed(logger, error);
            }
        }
    }

    /// <summary>Records that the sample was seeded and simulated from <paramref name="from"/>: later ticks continue from there.</summary>
    public async Task StartSimulationAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO sample_simulation (simulated_until) VALUES ($1)
            ON CONFLICT (singleton) DO UPDATE SET simulated_until = EXCLUDED.simulated_until, updated_at = now()
            """);
        command.Parameters.AddWithValue(from);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Emits every event due between the last tick and now; returns how many (0 when another portal is at it, the
    /// catalog was not seeded by the sample, or nothing was due). <paramref name="maxDays"/> bounds the catch-up
    /// (default <see cref="SampleCatalogOptions.MaxCatchUpDays"/>; the seeding passes its own window).
    /// </summary>
    public async Task<int> AdvanceAsync(CancellationToken cancellationToken, int? maxDays = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!) return 0;
        try
        {
            await using var read = new NpgsqlCommand("SELECT simulated_until FROM sample_simulation", connection);
            if (await read.ExecuteScalarAsync(cancellationToken) is not DateTime until) return 0;
            var now = clock.GetUtcNow();
            var from = new DateTimeOffset(until, TimeSpan.Zero);
            if (from >= now) return 0;
            var earliest = now.AddDays(-Math.Max(1, maxDays ?? options.Value.MaxCatchUpDays));
            if (from < earliest)
            {
                if (maxDays is null) LogGap(logger, from, earliest);
                from = earliest;
            }
            var sent = await EmitAsync(connection, from, now, cancellationToken);
            await using var write = new NpgsqlCommand("UPDATE sample_simulation SET simulated_until = $1, updated_at = now()", connection);
            write.Parameters.AddWithValue(now);
            await write.ExecuteNonQueryAsync(cancellationToken);
            if (sent > 0) LogAdvanced(logger, sent, from, now);
            return sent;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // Events with a time in (from, to], oldest first, pushed in bodies of newline-delimited events.
    private async Task<int> EmitAsync(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var planner = new SampleRunPlanner(await LoadJobsAsync(connection, cancellationToken));
        var fullFrom = to - FullHistory;
        var events = planner.RunsOfPeriodsEnding(from - LongestLag, to, to.AddDays(-Math.Max(1, options.Value.HourlyHistoryDays)))
            .SelectMany(run => SampleEvents.Of(run, options.Value.SizeScale, full: run.PeriodEnd >= fullFrom))
            .Where(e => e.Time > from && e.Time <= to)
            .OrderBy(e => e.Time)
            .ToList();
        foreach (var chunk in events.Chunk(EventsPerPush))
        {
            var body = Encoding.UTF8.GetBytes(string.Join('\n', chunk.Select(e => e.Json)));
            var result = await OpenLineageIngest.PushAsync(harvest, body, pushedBy: null, cancellationToken);
            if (!result.Succeeded || result.Errors.Count > 0)
                LogPushProblem(logger, result.Status.ToString(), result.Errors.Count, result.Errors.FirstOrDefault()?.Reason);
        }
        return events.Count;
    }

    private async Task<IReadOnlyList<SampleJob>> LoadJobsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var templates = SampleJobTemplates.Read(Path.Combine(options.Value.ResolveRoot(), "openlineage"));
        await using var command = new NpgsqlCommand("""
            SELECT e.namespace, e.name, j.schedule_kind, j.cron, j.time_zone, j.deadline_minutes
            FROM jobs j JOIN entities e ON e.id = j.entity_id
            WHERE j.schedule_kind IN ('hourly', 'daily') AND e.lifecycle = 'active'
            ORDER BY e.namespace, e.name
            """, connection);
        var jobs = new List<SampleJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (templates.TryGetValue($"{reader.GetString(0)}/{reader.GetString(1)}", out var template))
                jobs.Add(SampleJob.From(template, reader.GetString(2) == "hourly", reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4), TimeSpan.FromMinutes(reader.GetInt32(5))));
        return jobs;
    }

    [LoggerMessage(LogLevel.Information, "Sample scheduler is off: {Reason}")]
    private static partial void LogOff(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Sample scheduler: {Events} events for {From:u} … {To:u}")]
    private static partial void LogAdvanced(ILogger logger, int events, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(LogLevel.Information, "Sample scheduler: the portal was away since {Since:u}; catching up from {From:u} only (MaxCatchUpDays)")]
    private static partial void LogGap(ILogger logger, DateTimeOffset since, DateTimeOffset from);

    [LoggerMessage(LogLevel.Warning, "Sample scheduler: a push was {Status} with {Errors} errors (first: {First})")]
    private static partial void LogPushProblem(ILogger logger, string status, int errors, string? first);

    [LoggerMessage(LogLevel.Error, "Sample scheduler tick failed; retrying at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception error);
}
